import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { buildClient, FACTORY_PASSWORD } from '../../../../tests/factories/accounts.ts';
import { actorOf } from '../../../../tests/factories/workspace.ts';
import { createCalendarFeed } from '../calendar/create-calendar-feed.ts';
import { readCalendarFeed } from '../calendar/read-calendar-feed.ts';
import { runDueJobs } from '../jobs/worker.ts';
import { listDevMailbox } from '../mail/mailer.ts';
import { changePassword } from './change-password.ts';
import { requestPasswordReset } from './request-password-reset.ts';
import { resetPassword } from './reset-password.ts';

const base = 'http://localhost:3000';
const address = '203.0.113.30';

describe.each(testDialects())('a new password ends what the old one opened, on %s', (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});

	async function resetLinks(email: string, count: number): Promise<string[]> {
		for (let i = 0; i < count; i++)
			await requestPasswordReset(t.ctx, { email, address, baseUrl: base });
		await runDueJobs(t.ctx);
		return (await listDevMailbox(t.ctx))
			.filter((m) => m.to_address === email && m.subject === 'Reset your Midpoint password')
			.map((m) => m.text_body.match(/\/reset-password\/([A-Za-z0-9_-]+)/)![1]!);
	}

	async function feedToken(userId: string): Promise<string> {
		const feed = await createCalendarFeed(t.ctx, {
			actor: await actorOf(t.ctx, userId),
			baseUrl: base
		});
		const token = feed.url.match(/\/calendar\/([A-Za-z0-9_-]+)\.ics$/)![1]!;
		await expect(readCalendarFeed(t.ctx, { token, baseUrl: base })).resolves.toContain('VCALENDAR');
		return token;
	}

	it('a password reset turns off the other reset links and the calendar feed', async () => {
		const client = await buildClient(t.ctx);
		const feed = await feedToken(client.userId);
		const [first, second] = await resetLinks(client.email, 2);
		await resetPassword(t.ctx, { token: second!, password: 'the new harbour light' });
		await expect(
			resetPassword(t.ctx, { token: first!, password: 'someone else has this link' })
		).rejects.toThrow('already been used');
		await expect(readCalendarFeed(t.ctx, { token: feed, baseUrl: base })).rejects.toThrow(
			'This calendar link does not work'
		);
	});

	it('changing the password turns off open reset links and the calendar feed', async () => {
		const client = await buildClient(t.ctx);
		const feed = await feedToken(client.userId);
		const [pending] = await resetLinks(client.email, 1);
		await changePassword(t.ctx, {
			userId: client.userId,
			current: FACTORY_PASSWORD,
			password: 'a brand new sentence'
		});
		await expect(
			resetPassword(t.ctx, { token: pending!, password: 'someone else has this link' })
		).rejects.toThrow('already been used');
		await expect(readCalendarFeed(t.ctx, { token: feed, baseUrl: base })).rejects.toThrow(
			'This calendar link does not work'
		);
	});
});
