import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { buildClient, FACTORY_PASSWORD } from '../../../../tests/factories/accounts.ts';
import { logIn } from '../auth/log-in.ts';
import { requestPasswordReset } from '../auth/request-password-reset.ts';
import { resetPassword } from '../auth/reset-password.ts';
import { resolveSession, type SignedIn } from '../auth/sessions.ts';
import { runDueJobs } from '../jobs/worker.ts';
import { listDevMailbox } from '../mail/mailer.ts';
import { findUserById } from '../users/repository.ts';
import { confirmEmailChange, peekEmailChange } from './confirm-email-change.ts';
import { EMAIL_CHANGE_LINK_MS, requestEmailChange } from './request-email-change.ts';

const baseUrl = 'http://localhost:3000';

describe.each(testDialects())('changing the email address, on %s', (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});

	async function signedIn(email: string): Promise<[string, SignedIn]> {
		const { token } = await logIn(t.ctx, { email, password: FACTORY_PASSWORD, address: '::1' });
		return [token, (await resolveSession(t.ctx, token))!];
	}

	async function mailTo(address: string) {
		await runDueJobs(t.ctx);
		return (await listDevMailbox(t.ctx)).filter((m) => m.to_address === address);
	}

	const linkIn = (text: string) => text.match(/\/account\/email\/confirm\/([A-Za-z0-9_-]+)/)![1]!;

	it('sends a link to the new address and a notice to the old; changes only when the link is used, keeping sessions', async () => {
		const sam = await buildClient(t.ctx);
		const [otherToken] = await signedIn(sam.email);
		const [hereToken, here] = await signedIn(sam.email);
		const answer = await requestEmailChange(t.ctx, {
			signedIn: here,
			newEmail: ' Sam.New@Example.com ',
			password: FACTORY_PASSWORD,
			baseUrl
		});
		expect(answer).toEqual({ sentTo: 'sam.new@example.com' });
		const [link] = await mailTo('sam.new@example.com');
		expect(link!.subject).toBe('Confirm your new email address for Midpoint');
		const [notice] = await mailTo(sam.email);
		expect(notice!.text_body).toContain('to sam.new@example.com was just asked for');
		expect((await findUserById(t.ctx.db, sam.userId))!.email).toBe(sam.email);

		await confirmEmailChange(t.ctx, { token: linkIn(link!.text_body), baseUrl });
		expect((await findUserById(t.ctx.db, sam.userId))!.email).toBe('sam.new@example.com');
		expect(await resolveSession(t.ctx, hereToken)).not.toBeNull();
		expect(await resolveSession(t.ctx, otherToken)).not.toBeNull();
		const changed = (await mailTo(sam.email)).find((m) => m.subject.includes('was changed'));
		expect(changed!.text_body).toContain('now uses sam.new@example.com');
		await expect(
			logIn(t.ctx, { email: 'sam.new@example.com', password: FACTORY_PASSWORD, address: '::1' })
		).resolves.toHaveProperty('token');
		await expect(
			confirmEmailChange(t.ctx, { token: linkIn(link!.text_body), baseUrl })
		).rejects.toThrow('used already');
	});

	it('refuses the same address and a wrong password, changing nothing and sending nothing', async () => {
		const sam = await buildClient(t.ctx);
		const [, here] = await signedIn(sam.email);
		const ask = (newEmail: string, password: string) =>
			requestEmailChange(t.ctx, { signedIn: here, newEmail, password, baseUrl });
		await expect(ask(sam.email.toUpperCase(), FACTORY_PASSWORD)).rejects.toThrow(
			'That is already the address of your account.'
		);
		await expect(ask('elsewhere@example.com', 'not my password')).rejects.toThrow(
			'That is not your current password.'
		);
		expect(await mailTo('elsewhere@example.com')).toEqual([]);
		expect(await mailTo(sam.email)).toEqual([]);
	});

	it('answers a taken address exactly like a free one, and tells the owner of that address instead of sending a link', async () => {
		const sam = await buildClient(t.ctx);
		const alex = await buildClient(t.ctx);
		const [, here] = await signedIn(sam.email);
		const answer = await requestEmailChange(t.ctx, {
			signedIn: here,
			newEmail: alex.email,
			password: FACTORY_PASSWORD,
			baseUrl
		});
		expect(answer).toEqual({ sentTo: alex.email });
		const toAlex = await mailTo(alex.email);
		expect(toAlex.map((m) => m.subject)).toEqual(['This address already has a Midpoint account']);
		expect(toAlex[0]!.text_body).not.toMatch(/\/account\/email\/confirm\//);
		expect((await mailTo(sam.email)).map((m) => m.subject)).toEqual([
			'Someone asked to change the email of your Midpoint account'
		]);
		expect((await findUserById(t.ctx.db, sam.userId))!.email).toBe(sam.email);
	});

	it('refuses an expired link, a replaced link, and a link whose address was taken meanwhile', async () => {
		const sam = await buildClient(t.ctx);
		const [, here] = await signedIn(sam.email);
		const ask = async (newEmail: string) => {
			await requestEmailChange(t.ctx, {
				signedIn: here,
				newEmail,
				password: FACTORY_PASSWORD,
				baseUrl
			});
			return linkIn((await mailTo(newEmail)).at(-1)!.text_body);
		};
		const first = await ask('one@example.com');
		const second = await ask('two@example.com');
		await expect(peekEmailChange(t.ctx, first)).rejects.toThrow('a newer change replaced it');
		t.clock.advance(EMAIL_CHANGE_LINK_MS + 1000);
		await expect(confirmEmailChange(t.ctx, { token: second, baseUrl })).rejects.toThrow(
			'This link has expired'
		);
		const third = await ask('three@example.com');
		await buildClient(t.ctx, { email: 'three@example.com' });
		await expect(confirmEmailChange(t.ctx, { token: third, baseUrl })).rejects.toThrow(
			'Another account has taken this address'
		);
		expect((await findUserById(t.ctx.db, sam.userId))!.email).toBe(sam.email);
	});

	it('stops reset links sent to the old address from working after the change', async () => {
		const sam = await buildClient(t.ctx);
		const [, here] = await signedIn(sam.email);
		await requestPasswordReset(t.ctx, { email: sam.email, address: '::1', baseUrl });
		const reset = (await mailTo(sam.email))
			.find((m) => m.subject === 'Reset your Midpoint password')!
			.text_body.match(/\/reset-password\/([A-Za-z0-9_-]+)/)![1]!;
		await requestEmailChange(t.ctx, {
			signedIn: here,
			newEmail: 'moved@example.com',
			password: FACTORY_PASSWORD,
			baseUrl
		});
		await confirmEmailChange(t.ctx, {
			token: linkIn((await mailTo('moved@example.com'))[0]!.text_body),
			baseUrl
		});
		await expect(
			resetPassword(t.ctx, { token: reset, password: 'an old mailbox wants in' })
		).rejects.toThrow('already been used');
	});
});
