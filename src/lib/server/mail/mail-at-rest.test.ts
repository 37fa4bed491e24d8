import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { startSmtp } from '../../../../tests/support/smtp.ts';
import { buildClient, buildCoach } from '../../../../tests/factories/accounts.ts';
import { actorOf } from '../../../../tests/factories/workspace.ts';
import { signUp } from '../auth/sign-up.ts';
import { requestPasswordReset } from '../auth/request-password-reset.ts';
import { sendInvitation } from '../invitations/send-invitation.ts';
import { runDueJobs } from '../jobs/worker.ts';

const base = 'http://localhost:3000';
const address = '203.0.113.9';

/** Every link token in the mails sent, with the path it opens. */
function tokensIn(texts: string[]): string[] {
	return texts.flatMap((t) =>
		[...t.matchAll(/\/(?:reset-password|confirm-email|invite)\/([A-Za-z0-9_-]{20,})/g)].map(
			(m) => m[1]!
		)
	);
}

describe.each(testDialects())('links in email at rest on %s', (dialect) => {
	let t: TestContext;
	let smtp: Awaited<ReturnType<typeof startSmtp>>;
	beforeEach(async () => {
		smtp = await startSmtp();
		t = await createTestContext(dialect, { SMTP_URL: smtp.url });
	});
	afterEach(async () => {
		await t.dispose();
		await smtp.stop();
	});

	/** Queues a reset, a confirmation and an invitation; returns their tokens once sent. */
	async function sendThreeLinks(): Promise<string[]> {
		const client = await buildClient(t.ctx);
		await requestPasswordReset(t.ctx, { email: client.email, address, baseUrl: base });
		await signUp(t.ctx, {
			kind: 'client',
			name: 'Wren',
			email: 'wren@example.com',
			password: 'a long and quiet evening',
			address,
			baseUrl: base
		});
		const coach = await buildCoach(t.ctx);
		await sendInvitation(t.ctx, {
			actor: await actorOf(t.ctx, coach.userId),
			practiceId: coach.practiceId,
			values: { role: 'client', name: 'Jonas', email: 'jonas@example.com' },
			baseUrl: base
		});
		return [];
	}

	it('keeps no usable link in the jobs table, before or after sending', async () => {
		await sendThreeLinks();
		const queued = await t.ctx.db.selectFrom('jobs').select('payload').execute();
		expect(queued).toHaveLength(3);
		for (const { payload } of queued)
			expect(payload).not.toMatch(/reset-password|confirm-email|invite\//);
		await runDueJobs(t.ctx);
		const tokens = tokensIn(smtp.mails.map((m) => m.text));
		expect(tokens).toHaveLength(3);
		const rows = await t.ctx.db.selectFrom('jobs').selectAll().execute();
		expect(rows.every((r) => r.done_at !== null)).toBe(true);
		for (const row of rows)
			for (const token of tokens) expect(JSON.stringify(row)).not.toContain(token);
	});

	it.runIf(dialect === 'sqlite')(
		'leaves no link token in any byte of the database, its WAL or a backup',
		async () => {
			await sendThreeLinks();
			await runDueJobs(t.ctx);
			const tokens = tokensIn(smtp.mails.map((m) => m.text));
			expect(tokens).toHaveLength(3);
			const file = t.handle.sqlite!.name;
			const backup = path.join(path.dirname(file), 'backup.db');
			await t.handle.sqlite!.backup(backup);
			const files = [file, `${file}-wal`, backup].filter((f) => fs.existsSync(f));
			expect(files).toContain(`${file}-wal`);
			for (const f of files) {
				const bytes = fs.readFileSync(f);
				for (const token of tokens) expect(bytes.includes(Buffer.from(token)), f).toBe(false);
			}
		}
	);
});

describe('email on a public server without SMTP', () => {
	it('is neither sent nor kept, and the log says so without the link', async () => {
		const lines: string[] = [];
		const t = await createTestContext('sqlite', { ORIGIN: 'https://coach.example.com' });
		try {
			t.ctx.log = pino({ level: 'warn' }, { write: (line: string) => lines.push(line) });
			const client = await buildClient(t.ctx);
			await requestPasswordReset(t.ctx, { email: client.email, address, baseUrl: base });
			expect(await runDueJobs(t.ctx)).toBe(1);
			expect(await t.ctx.db.selectFrom('dev_mailbox').selectAll().execute()).toEqual([]);
			expect(lines.join('')).toContain('email not sent: SMTP_URL is not set');
			expect(lines.join('')).toContain('Reset your Midpoint password');
			expect(lines.join('')).not.toContain('/reset-password/');
		} finally {
			await t.dispose();
		}
	});
});
