import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { buildClient } from '../../../../tests/factories/accounts.ts';
import { startSmtp } from '../../../../tests/support/smtp.ts';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { addDays, todayFor } from '../../domain/actions/dates.ts';
import type { Actor } from '../../domain/policies.ts';
import { createAction } from '../actions/create-action.ts';
import { setReminderMode } from './set-reminder-mode.ts';

/**
 * The claim that matters for scale-out: several app processes on one PostgreSQL send each
 * reminder exactly once. Two separate OS processes (`midpoint jobs run-once`, the same scan and
 * job worker a server runs) race over the same due report-backs and deliver through a real
 * SMTP server; every reminder must arrive once. It needs PostgreSQL: skipped when the suite
 * runs on SQLite only, and a failure when MIDPOINT_REQUIRE_POSTGRES=1.
 */
const onPostgres = testDialects().includes('postgres');
const required = process.env.MIDPOINT_REQUIRE_POSTGRES === '1';
const DAY = 24 * 3600_000;
const CLIENTS = 4;
const ACTIONS_EACH = 3;

interface Finished {
	code: number | null;
	stdout: string;
	stderr: string;
}

function runMidpoint(args: string[], env: Record<string, string>) {
	const child = spawn(process.execPath, [path.resolve('bin/midpoint'), ...args], {
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (d) => (stdout += d));
	child.stderr.on('data', (d) => (stderr += d));
	const finished = new Promise<Finished>((resolve) =>
		child.on('close', (code) => resolve({ code, stdout, stderr }))
	);
	return { child, finished };
}

describe('reminders with two separate app processes on PostgreSQL', () => {
	let t: TestContext | undefined;
	let smtp: Awaited<ReturnType<typeof startSmtp>> | undefined;
	let dataDir: string | undefined;
	const children: ReturnType<typeof runMidpoint>[] = [];
	afterEach(async () => {
		for (const c of children) if (c.child.exitCode === null) c.child.kill('SIGKILL');
		await t?.dispose();
		await smtp?.stop();
		if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
	});

	it.skipIf(!onPostgres && !required)(
		'emails each due report-back exactly once while two processes race for them',
		{ timeout: 90_000 },
		async () => {
			if (!onPostgres)
				expect.fail(
					'MIDPOINT_REQUIRE_POSTGRES=1, but PostgreSQL is not among the test dialects. ' +
						'Run the suite with DIALECTS=sqlite,postgres and TEST_DATABASE_URL (npm test starts a cluster).'
				);
			t = await createTestContext('postgres');
			smtp = await startSmtp();
			dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'midpoint-procs-'));

			// The processes read the real clock, so the actions are made "three days ago" and came
			// due yesterday.
			const today = todayFor(new Date());
			t.clock.current = new Date(Date.now() - 3 * DAY);
			const ownerOf = new Map<string, string>();
			for (let c = 0; c < CLIENTS; c++) {
				const client = await buildClient(t.ctx, { name: `Client ${c}` });
				const actor: Actor = { userId: client.userId, practices: {} };
				await setReminderMode(t.ctx, { actor, mode: 'each' });
				for (let a = 0; a < ACTIONS_EACH; a++) {
					const made = await createAction(t.ctx, {
						actor,
						action: {
							what: `Action ${a} of client ${c}`,
							withName: 'Sam',
							withEmail: null,
							domain: 'TEAM',
							kind: 'ask-help',
							discipline: 'discernment',
							schedule: { type: 'date', dueOn: addDays(today, -1) },
							suggestionId: null,
							key: null
						}
					});
					ownerOf.set(made.id, client.email);
				}
			}
			const due = CLIENTS * ACTIONS_EACH;
			const database = t.ctx.config.database;
			if (database.kind !== 'postgres') throw new Error('expected PostgreSQL');

			// A barrier: keep the claims table from taking inserts until both processes wait to
			// claim, so their claims really race rather than one finishing before the other starts.
			// SHARE mode still lets them read; a second connection watches for their two waiting
			// inserts.
			const gate = new pg.Client({ connectionString: database.url });
			const watch = new pg.Client({ connectionString: database.url });
			await gate.connect();
			await watch.connect();
			try {
				await gate.query('begin');
				await gate.query('lock table reminder_sends in share mode');
				const env = {
					DATABASE_URL: database.url,
					MIDPOINT_MASTER_KEY: t.ctx.config.masterKey!,
					SMTP_URL: smtp.url,
					ORIGIN: 'https://coach.example.com',
					DATA_DIR: dataDir,
					LOG_LEVEL: 'warn',
					NODE_ENV: 'test'
				};
				children.push(runMidpoint(['jobs', 'run-once'], env));
				children.push(runMidpoint(['jobs', 'run-once'], env));
				const deadline = Date.now() + 45_000;
				for (;;) {
					const { rows } = await watch.query<{ n: number }>(
						`select count(distinct pid)::int as n from pg_locks
						 where relation = 'reminder_sends'::regclass and mode = 'RowExclusiveLock' and not granted`
					);
					if (rows[0]!.n >= 2) break;
					const exited = children.filter((c) => c.child.exitCode !== null);
					if (exited.length || Date.now() > deadline) {
						const outputs = await Promise.all(exited.map((c) => c.finished));
						throw new Error(
							`Both processes should be waiting to claim reminders by now; exited: ${JSON.stringify(outputs)}`
						);
					}
					await new Promise((r) => setTimeout(r, 50));
				}
			} finally {
				await gate.query('rollback');
				await gate.end();
				await watch.end();
			}

			const [first, second] = await Promise.all(children.map((c) => c.finished));
			for (const run of [first!, second!]) {
				expect(run.stderr).toBe('');
				expect(run.code).toBe(0);
			}
			const queued = [first!, second!].map((run) =>
				Number(run.stdout.match(/Reminders queued: (\d+)\./)?.[1])
			);
			expect(queued[0]! + queued[1]!).toBe(due);

			// Every due report-back's reminder arrived once, to the person whose action it is.
			const perAction = new Map<string, number>();
			for (const mail of smtp.mails) {
				const id = mail.text.match(/\/actions\/([0-9a-f-]{36})#report/)?.[1] ?? 'none';
				perAction.set(id, (perAction.get(id) ?? 0) + 1);
				expect(mail.to).toEqual([ownerOf.get(id)]);
				expect(mail.subject).toMatch(/^Time to report back: Action \d of client \d$/);
			}
			expect(smtp.mails).toHaveLength(due);
			expect([...perAction.keys()].sort()).toEqual([...ownerOf.keys()].sort());
			expect([...perAction.values()].every((n) => n === 1)).toBe(true);
			const jobs = await t.ctx.db.selectFrom('jobs').select(['done_at', 'attempts']).execute();
			expect(jobs).toHaveLength(due);
			expect(jobs.every((j) => j.done_at !== null && j.attempts === 1)).toBe(true);
		}
	);
});
