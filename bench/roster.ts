// Roster benchmark: one coach with 5,000 clients and two years of history each (results,
// journal entries, weekly actions with report-backs), then the roster's server time for the
// queries a coach makes, beside a baseline from the same run (the sign-in page, which touches no
// roster data). Run by hand: node bench/roster.ts [--clients 5000] [--postgres]
// Needs a production build for the HTTP part: npm run build.
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { instrumentItems } from '../src/lib/content/instrument/instrument.ts';
import { scoreAssessment } from '../src/lib/domain/scoring/score-assessment.ts';
import { createAccount } from '../src/lib/server/auth/sign-up.ts';
import { openContext } from '../src/lib/server/cli/open-context.ts';
import type { AppContext } from '../src/lib/server/context.ts';
import { listRoster, type RosterQuery } from '../src/lib/server/roster/list-roster.ts';
import { refreshClientSummary } from '../src/lib/server/roster/refresh-client-summary.ts';
import { hashPassword } from '../src/lib/server/security/password-hash.ts';
import { startPgCluster } from '../scripts/pg-cluster.ts';
import { freePort, startProcess, waitFor } from './lib.ts';
import { rekey } from '../src/lib/domain/scoring/reverse-keying.ts';

const { values: args } = parseArgs({
	options: {
		clients: { type: 'string', default: '5000' },
		postgres: { type: 'boolean', default: false },
		runs: { type: 'string', default: '40' },
		// Keep the seeded SQLite data folder here and reuse it on the next run.
		keep: { type: 'string' }
	}
});
const CLIENTS = Number(args.clients);
const RUNS = Number(args.runs);
const BUDGET_MS = 150;
const DAY = 86_400_000;
const PASSWORD = 'steady load all afternoon';

const dataDir = args.keep
	? path.resolve(args.keep)
	: fs.mkdtempSync(path.join(os.tmpdir(), 'midpoint-roster-bench-'));
const reuse = Boolean(args.keep && fs.existsSync(path.join(dataDir, 'midpoint.db')));
fs.mkdirSync(dataDir, { recursive: true });
const cluster = args.postgres ? await startPgCluster() : undefined;
if (args.postgres && !cluster) throw new Error('PostgreSQL is not installed here.');
const env = {
	DATA_DIR: dataDir,
	// The seeded entries hold stand-in text sealed with no one's key (the roster never reads it),
	// which a start would otherwise take for a lost key store (decision 0041).
	MIDPOINT_START_WITH_LOST_KEYS: 'on',
	...(cluster
		? { DATABASE_URL: cluster.url, MIDPOINT_MASTER_KEY: randomBytes(32).toString('base64') }
		: {})
};
const { ctx, handle } = await openContext(env);

const stat = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
	return { p50: at(0.5), p95: at(0.95), max: s[s.length - 1]! };
};
const ms = (n: number) => `${n.toFixed(1)} ms`;

try {
	console.log(
		`Roster benchmark on ${handle.dialect}: ${CLIENTS.toLocaleString('en-GB')} clients with two years of history, ${os.cpus().length} cores.`
	);
	let coachId: string;
	let practiceId: string;
	if (reuse) {
		const coach = await ctx.db
			.selectFrom('users as u')
			.innerJoin('memberships as m', 'm.user_id', 'u.id')
			.select(['u.id', 'm.practice_id'])
			.where('u.email', '=', 'coach@bench.example')
			.executeTakeFirstOrThrow();
		[coachId, practiceId] = [coach.id, coach.practice_id];
		console.log(`Reusing the seeded data in ${dataDir}.`);
	} else {
		const seedStart = performance.now();
		const seeded = await seed(ctx);
		[coachId, practiceId] = [seeded.coachId, seeded.practiceId];
		console.log(
			`Seeded ${seeded.rows.toLocaleString('en-GB')} rows in ${((performance.now() - seedStart) / 1000).toFixed(1)} s.`
		);
		// A live database has planner statistics (autovacuum keeps them); a fresh bulk load has not.
		if (handle.dialect === 'postgres') await sql`analyze`.execute(ctx.db);
		const refreshStart = performance.now();
		const ids = await ctx.db
			.selectFrom('memberships')
			.select('user_id')
			.where('role', '=', 'client')
			.execute();
		for (const { user_id } of ids) await refreshClientSummary(ctx, user_id);
		const refreshMs = performance.now() - refreshStart;
		console.log(
			`Summaries built for every client in ${(refreshMs / 1000).toFixed(1)} s (${ms(refreshMs / ids.length)} per client: the cost added to a write).`
		);
	}

	// In-process: the use-case alone.
	const actor = {
		userId: coachId,
		practices: { [practiceId]: ['admin' as const, 'coach' as const] }
	};
	const cases: [string, Partial<RosterQuery>][] = [
		['default (by name, page 1)', {}],
		['page 150', { page: 150 }],
		['search "client 4"', { search: 'client 4' }],
		['overdue, longest first', { filter: 'overdue', sort: 'overdue' }],
		['new since last look', { filter: 'new' }],
		['sorted by change', { sort: 'change' }],
		['leaning dependent, by activity', { filter: 'dependent', sort: 'activity' }]
	];
	const base: RosterQuery = {
		actor,
		practiceId,
		sort: 'name',
		filter: 'all',
		search: '',
		page: 1,
		scope: 'mine'
	};
	console.log('\nThe roster use-case, in process (server time without HTTP):');
	for (const [name, more] of cases) {
		const times: number[] = [];
		let matching = 0;
		for (let i = 0; i < RUNS; i++) {
			const t0 = performance.now();
			const r = await listRoster(ctx, { ...base, ...more });
			times.push(performance.now() - t0);
			matching = r.matching;
		}
		const s = stat(times.slice(3));
		console.log(
			`  ${name.padEnd(34)} p50 ${ms(s.p50).padStart(9)}  p95 ${ms(s.p95).padStart(9)}  (${matching} matching)`
		);
	}

	// Over HTTP, through the built app.
	if (fs.existsSync('build/index.js')) {
		const port = await freePort();
		const origin = `http://127.0.0.1:${port}`;
		const app = startProcess(
			[
				...(process.env.BENCH_NODE_FLAGS ?? '--max-semi-space-size=8 --max-old-space-size=160')
					.split(' ')
					.filter(Boolean),
				'bin/midpoint',
				'serve'
			],
			{ ...env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: origin, NODE_ENV: 'production' }
		);
		try {
			await waitFor(`${origin}/healthz`, app, 60_000);
			const signIn = await fetch(`${origin}/login`, {
				method: 'POST',
				headers: {
					'content-type': 'application/x-www-form-urlencoded',
					origin,
					accept: 'text/html'
				},
				body: new URLSearchParams({ email: 'coach@bench.example', password: PASSWORD }),
				redirect: 'manual'
			});
			const cookie = signIn.headers.getSetCookie()[0]?.split(';')[0];
			if (!cookie) throw new Error(`sign-in failed: ${signIn.status}`);
			const timed = async (url: string, headers: Record<string, string> = {}) => {
				const times: number[] = [];
				for (let i = 0; i < RUNS; i++) {
					const t0 = performance.now();
					const res = await fetch(url, { headers });
					const body = await res.text();
					if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
					times.push(performance.now() - t0);
					if (i === 0 && url.includes('/practices/') && !body.includes('Your clients'))
						throw new Error('the roster did not render');
				}
				return stat(times.slice(3));
			};
			console.log('\nOver HTTP, one request at a time (full server time, localhost):');
			const baseline = await timed(`${origin}/login`);
			console.log(
				`  ${'baseline: /login'.padEnd(34)} p50 ${ms(baseline.p50).padStart(9)}  p95 ${ms(baseline.p95).padStart(9)}`
			);
			const worst: number[] = [];
			for (const [name, query] of [
				['roster, default', ''],
				['roster, overdue by longest', '?show=overdue&sort=overdue'],
				['roster, search', '?q=client+4'],
				['roster, page 150', '?page=150']
			] as const) {
				const s = await timed(`${origin}/practices/${practiceId}${query}`, { cookie });
				worst.push(s.p95);
				console.log(
					`  ${name.padEnd(34)} p50 ${ms(s.p50).padStart(9)}  p95 ${ms(s.p95).padStart(9)}`
				);
			}
			const over = Math.max(...worst) > BUDGET_MS;
			console.log(
				`\nBudget: roster p95 <= ${BUDGET_MS} ms. ${over ? 'OVER budget.' : 'Within budget.'}`
			);
		} finally {
			app.kill('SIGTERM');
		}
	} else {
		console.log('\n(No build: skipped the HTTP part. npm run build first.)');
	}
} finally {
	await handle.close();
	cluster?.stop();
	if (!args.keep) fs.rmSync(dataDir, { recursive: true, force: true });
}

/** Bulk rows straight into the tables, shaped as the app writes them. */
async function seed(ctx: AppContext) {
	const passwordHash = await hashPassword(PASSWORD);
	const { userId: coachId, practiceId } = await createAccount(ctx, {
		kind: 'coach',
		name: 'Bench Coach',
		email: 'coach@bench.example',
		passwordHash,
		practiceName: 'Bench Practice',
		verified: true
	});
	const now = Date.now();
	const iso = (t: number) => new Date(t).toISOString();
	const day = (t: number) => iso(t).slice(0, 10);
	let rows = 0;
	let seedState = 42;
	const rand = () => (seedState = (seedState * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
	const batches: Record<string, Record<string, unknown>[]> = {};
	const order = [
		'users',
		'memberships',
		'assessments',
		'journal_entries',
		'actions',
		'action_reports'
	];
	// Parents before children, in chunks small enough for either engine's parameter limit.
	const flushAll = async () => {
		for (const table of order) {
			const batch = batches[table] ?? [];
			for (let i = 0; i < batch.length; i += 400)
				// eslint-disable-next-line @typescript-eslint/no-explicit-any
				await (ctx.db as any)
					.insertInto(table)
					.values(batch.slice(i, i + 400))
					.execute();
			rows += batch.length;
			batches[table] = [];
		}
	};
	const add = async (table: string, row: Record<string, unknown>) => {
		(batches[table] ??= []).push(row);
	};
	for (let c = 0; c < CLIENTS; c++) {
		const userId = randomUUID();
		const joined = now - 730 * DAY;
		await add('users', {
			id: userId,
			email: `client${c}@bench.example`,
			name: `Client ${c}`,
			password_hash: passwordHash,
			kind: 'client',
			created_at: iso(joined),
			password_changed_at: iso(joined),
			email_verified_at: iso(joined)
		});
		await add('memberships', {
			id: randomUUID(),
			practice_id: practiceId,
			user_id: userId,
			role: 'client',
			coach_id: coachId,
			created_at: iso(joined)
		});
		// Eight results, one a quarter, drifting from a starting lean.
		const lean = rand() * 4 - 2;
		for (let a = 0; a < 8; a++) {
			const answers: Record<string, number> = {};
			for (const item of instrumentItems) {
				const tilt = item.scale === 'DEP' ? lean : item.scale === 'IND' ? -lean : 0;
				const v = Math.round(3 + tilt * (1 - a / 10) + (rand() - 0.5) * 2);
				answers[item.id] = rekey(Math.min(5, Math.max(1, v)), item.reversed);
			}
			const score = scoreAssessment(answers);
			const at = iso(joined + a * 91 * DAY + c * 1000);
			await add('assessments', {
				id: randomUUID(),
				user_id: userId,
				instrument_version: 'v1',
				next_page: 6,
				answers: JSON.stringify(answers),
				page_timings: '[]',
				page_shown_at: null,
				started_at: at,
				updated_at: at,
				completed_at: at,
				result: JSON.stringify(score),
				position: score.position,
				balance: score.balance,
				flagged_at: null
			});
		}
		// Forty journal entries (stored encrypted; the roster never reads the text).
		for (let j = 0; j < 40; j++) {
			const at = iso(joined + j * 18 * DAY + c * 1000);
			await add('journal_entries', {
				id: randomUUID(),
				user_id: userId,
				step: 'examine',
				prompt_id: 'examine-patterns',
				body: `v1:bench:${randomUUID()}:${'x'.repeat(200)}:tag`,
				domains: '["FAM"]',
				disciplines: '[]',
				revision: 1,
				shared_at: j % 3 === 0 ? at : null,
				created_at: at,
				updated_at: at
			});
		}
		// Three weekly actions over the two years (two closed), each reported most weeks.
		for (let k = 0; k < 3; k++) {
			const actionId = randomUUID();
			const start = joined + k * 240 * DAY;
			const open = k === 2;
			const weekday = 1 + ((c + k) % 7);
			await add('actions', {
				id: actionId,
				user_id: userId,
				what: 'Ask for a hand with the weekly plan',
				with_name: 'Sam',
				with_email: null,
				domain: 'TEAM',
				kind: 'ask-help',
				discipline: 'discernment',
				due_on: null,
				weekday,
				starts_on: day(start),
				paused_until: null,
				suggestion_id: null,
				created_at: iso(start),
				updated_at: iso(start),
				closed_at: open ? null : iso(start + 230 * DAY)
			});
			const weeks = open ? Math.floor((now - start) / (7 * DAY)) - (c % 4 === 0 ? 2 : 0) : 32;
			for (let w = 1; w <= weeks; w++) {
				const t = start + w * 7 * DAY;
				const d = new Date(t);
				const occurrence = day(t + ((weekday - ((d.getUTCDay() + 6) % 7) - 1 + 7) % 7) * DAY);
				const skipped = rand() < 0.1;
				await add('action_reports', {
					id: randomUUID(),
					action_id: actionId,
					occurrence,
					outcome: skipped ? null : 'done',
					happened: skipped ? null : 'It went fine.',
					mutuality: skipped ? null : 4,
					compared: skipped ? null : 'better',
					measure: null,
					measure_label: null,
					note: null,
					skipped_at: skipped ? iso(t) : null,
					created_at: iso(t),
					updated_at: iso(t)
				});
			}
		}
		if (c % 50 === 49) await flushAll();
	}
	await flushAll();
	return { coachId, practiceId: practiceId!, rows };
}
