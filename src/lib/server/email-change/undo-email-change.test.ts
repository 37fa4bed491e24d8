import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { buildClient, FACTORY_PASSWORD } from '../../../../tests/factories/accounts.ts';
import { logIn } from '../auth/log-in.ts';
import { resolveSession } from '../auth/sessions.ts';
import { runDueJobs } from '../jobs/worker.ts';
import { listDevMailbox } from '../mail/mailer.ts';
import { listSecurityLog } from '../security-log/security-log.ts';
import { findUserById } from '../users/repository.ts';
import { confirmEmailChange, EMAIL_CHANGE_UNDO_MS } from './confirm-email-change.ts';
import { requestEmailChange } from './request-email-change.ts';
import { peekEmailChangeUndo, undoEmailChange } from './undo-email-change.ts';

const baseUrl = 'http://localhost:3000';

describe.each(testDialects())('undoing an email change from the old address, on %s', (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});

	const signIn = async (email: string) =>
		(await logIn(t.ctx, { email, password: FACTORY_PASSWORD, address: '::1' })).token;

	/** Changes sam's address to `to` and answers the undo token from the notice to the old one. */
	async function change(from: string, to: string): Promise<string> {
		const here = (await resolveSession(t.ctx, await signIn(from)))!;
		await requestEmailChange(t.ctx, {
			signedIn: here,
			newEmail: to,
			password: FACTORY_PASSWORD,
			baseUrl
		});
		await runDueJobs(t.ctx);
		const mail = await listDevMailbox(t.ctx);
		const link = mail.find((m) => m.to_address === to)!.text_body;
		await confirmEmailChange(t.ctx, {
			token: link.match(/\/account\/email\/confirm\/([A-Za-z0-9_-]+)/)![1]!,
			baseUrl
		});
		await runDueJobs(t.ctx);
		const notice = (await listDevMailbox(t.ctx)).find(
			(m) => m.to_address === from && m.subject.includes('was changed')
		)!;
		expect(notice.text_body).toContain('within 7 days');
		return notice.text_body.match(/\/account\/email\/undo\/([A-Za-z0-9_-]+)/)![1]!;
	}

	it('puts the old address back, signs out every other device, logs it, and works once', async () => {
		const sam = await buildClient(t.ctx);
		const undo = await change(sam.email, 'taken.over@example.com');
		const intruder = await logIn(t.ctx, {
			email: 'taken.over@example.com',
			password: FACTORY_PASSWORD,
			address: '::1'
		});
		const ownerToken = await signIn('taken.over@example.com');
		const owner = (await resolveSession(t.ctx, ownerToken))!;
		t.clock.advance(60_000);

		expect(
			await undoEmailChange(t.ctx, {
				token: undo,
				currentSession: { userId: sam.userId, tokenHash: owner.tokenHash }
			})
		).toEqual({ oldEmail: sam.email });
		expect((await findUserById(t.ctx.db, sam.userId))!.email).toBe(sam.email);
		expect(await resolveSession(t.ctx, intruder.token)).toBeNull();
		expect(await resolveSession(t.ctx, ownerToken)).not.toBeNull();
		const log = await listSecurityLog(t.ctx, { actor: owner.actor, userId: sam.userId });
		expect(log[0]!.what).toBe('Email change undone from the link sent to the old address');
		await expect(undoEmailChange(t.ctx, { token: undo })).rejects.toThrow('used already');
		await expect(
			logIn(t.ctx, { email: 'taken.over@example.com', password: FACTORY_PASSWORD, address: '::1' })
		).rejects.toThrow();
	});

	it('refuses an expired link and a made-up one, changing nothing', async () => {
		const sam = await buildClient(t.ctx);
		const undo = await change(sam.email, 'moved.on@example.com');
		await expect(peekEmailChangeUndo(t.ctx, 'not-a-real-token')).rejects.toThrow('not valid');
		t.clock.advance(EMAIL_CHANGE_UNDO_MS + 1000);
		await expect(undoEmailChange(t.ctx, { token: undo })).rejects.toThrow('has expired');
		expect((await findUserById(t.ctx.db, sam.userId))!.email).toBe('moved.on@example.com');
	});

	it('refuses when another account took the old address meanwhile', async () => {
		const sam = await buildClient(t.ctx);
		const undo = await change(sam.email, 'sam.next@example.com');
		await buildClient(t.ctx, { email: sam.email });
		await expect(undoEmailChange(t.ctx, { token: undo })).rejects.toThrow(
			'Another account uses the old address'
		);
		expect((await findUserById(t.ctx.db, sam.userId))!.email).toBe('sam.next@example.com');
	});
});
