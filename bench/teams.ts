// Teams benchmark (issue 12 §7): one team of 200 members with 3 check-in rounds, every member
// answering the reliance survey about every teammate (597 answers each, round after round), then
// the team page's server time for its coach (map + named network + trail) and for a member (map
// and trail), in process and over HTTP, beside the sign-in page as a baseline from the same run.
// Run by hand: node bench/teams.ts [--members 200] [--rounds 3] [--seed 7] [--runs 30] [--postgres]
// Needs a production build for the HTTP part: npm run build.
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { QUESTIONS } from '../src/lib/domain/teams/rules.ts';
import { createAccount } from '../src/lib/server/auth/sign-up.ts';
import { openContext } from '../src/lib/server/cli/open-context.ts';
import type { AppContext } from '../src/lib/server/context.ts';
import { hashPassword } from '../src/lib/server/security/password-hash.ts';
import { analyseRound } from '../src/lib/domain/teams/trail.ts';
import { getCheckIn } from '../src/lib/server/team-check-ins/check-in.ts';
import { loadRoundData } from '../src/lib/server/team-check-ins/round-data.ts';
import { listRounds } from '../src/lib/server/teams/repository.ts';
import { getTeamPage } from '../src/lib/server/teams/view-team.ts';
import { startPgCluster } from '../scripts/pg-cluster.ts';
import { freePort, startProcess, waitFor } from './lib.ts';

const { values: args } = parseArgs({
	options: {
		members: { type: 'string', default: '200' },
		rounds: { type: 'string', default: '3' },
		seed: { type: 'string', default: '7' },
		runs: { type: 'string', default: '30' },
		postgres: { type: 'boolean', default: false }
	}
});
const MEMBERS = Number(args.members);
const ROUNDS = Number(args.rounds);
const RUNS = Number(args.runs);
const BUDGET_MS = 150;
const DAY = 86_400_000;
const PASSWORD = 'steady load all afternoon';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'midpoint-teams-bench-'));
const cluster = args.postgres ? await startPgCluster() : undefined;
if (args.postgres && !cluster) throw new Error('PostgreSQL is not installed here.');
const env = {
	DATA_DIR: dataDir,
	...(cluster
		? { DATABASE_URL: cluster.url, MIDPOINT_MASTER_KEY: randomBytes(32).toString('base64') }
		: {})
};
const { ctx, handle } = await openContext(env);
const stat = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
	return { p50: at(0.5), p95: at(0.95) };
};
const ms = (n: number) => `${n.toFixed(1)} ms`.padStart(9);
const line = (name: string, s: { p50: number; p95: number }) =>
	console.log(`  ${name.padEnd(40)} p50 ${ms(s.p50)}  p95 ${ms(s.p95)}`);

async function time(run: () => Promise<unknown>) {
	const times: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const t0 = performance.now();
		await run();
		times.push(performance.now() - t0);
	}
	return stat(times.slice(3));
}

try {
	console.log(
		`Teams benchmark on ${handle.dialect}: ${MEMBERS} members, ${ROUNDS} rounds, seed ${args.seed}, ${os.cpus().length} cores.`
	);
	const seedStart = performance.now();
	const seeded = await seed(ctx, Number(args.seed));
	console.log(
		`Seeded ${seeded.rows.toLocaleString('en-GB')} rows in ${((performance.now() - seedStart) / 1000).toFixed(1)} s.`
	);
	// A live database has planner statistics (autovacuum keeps them); a fresh bulk load has not.
	if (handle.dialect === 'postgres') await sql`analyze`.execute(ctx.db);
	const coach = { userId: seeded.coachId, practices: { [seeded.practiceId]: ['coach' as const] } };
	const member = { userId: seeded.memberId, practices: {} };
	const page = await getTeamPage(ctx, { actor: coach, teamId: seeded.teamId });
	const net = page.map!.network!.team;
	console.log(
		`Newest round: ${page.map!.completed} check-ins, median ${page.map!.overall.median?.toFixed(1)}, reciprocity ${net.reciprocity?.toFixed(2)}, density ${net.density?.toFixed(3)}, ${net.isolates.length} isolated, ${net.bottlenecks.length} bottleneck(s); trail of ${page.trail.length} rounds.`
	);

	console.log('\nThe team page use-case, in process (server time without HTTP):');
	line(
		'coach: map, named network, trail',
		await time(() => getTeamPage(ctx, { actor: coach, teamId: seeded.teamId }))
	);
	line(
		'member: map and trail',
		await time(() => getTeamPage(ctx, { actor: member, teamId: seeded.teamId }))
	);

	// The first view after any check-in changes reads the round again and analyses it.
	const newest = (await listRounds(ctx.db, seeded.teamId)).at(-1)!;
	line(
		'first view after a change (read + analyse)',
		await time(async () => analyseRound(await loadRoundData(ctx.db, newest.id)))
	);
	const data = await loadRoundData(ctx.db, newest.id);
	line('  of which reading the round', await time(() => loadRoundData(ctx.db, newest.id)));
	line('  of which analysing it', await time(async () => analyseRound(data)));
	line(
		'member: check-in (199 teammates)',
		await time(() => getCheckIn(ctx, { actor: member, teamId: seeded.teamId }))
	);

	if (fs.existsSync('build/index.js')) {
		const port = await freePort();
		const origin = `http://127.0.0.1:${port}`;
		const app = startProcess(['bin/midpoint', 'serve'], {
			...env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			NODE_ENV: 'production',
			LOG_LEVEL: 'warn'
		});
		try {
			await waitFor(`${origin}/healthz`, app, 60_000);
			const signIn = async (email: string) => {
				const res = await fetch(`${origin}/login`, {
					method: 'POST',
					headers: {
						'content-type': 'application/x-www-form-urlencoded',
						origin,
						accept: 'text/html'
					},
					body: new URLSearchParams({ email, password: PASSWORD }),
					redirect: 'manual'
				});
				const cookie = res.headers.getSetCookie()[0]?.split(';')[0];
				if (!cookie) throw new Error(`sign-in as ${email} failed: ${res.status}`);
				return cookie;
			};
			const get = (url: string, cookie?: string, expect?: string) =>
				time(async () => {
					const res = await fetch(url, { headers: cookie ? { cookie } : {} });
					const body = await res.text();
					if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
					if (expect && !body.includes(expect)) throw new Error(`${url} lacks "${expect}"`);
				});
			console.log('\nOver HTTP, one request at a time (full server time, localhost):');
			const baseline = await get(`${origin}/login`);
			line('baseline: /login', baseline);
			const coachCookie = await signIn('coach@bench.example');
			const memberCookie = await signIn('member0@bench.example');
			const team = `${origin}/teams/${seeded.teamId}`;
			const results = [
				await get(team, coachCookie, 'Who relies on whom'),
				await get(team, memberCookie, 'Your place'),
				await get(`${team}/check-in`, memberCookie, 'Finish my check-in')
			];
			line('coach: team page', results[0]!);
			line('member: team page', results[1]!);
			line('member: check-in (597 answers to show)', results[2]!);
			const worst = Math.max(...results.map((r) => r.p95));
			console.log(
				`\nBudget: p95 <= ${BUDGET_MS} ms. ${worst > BUDGET_MS ? 'OVER budget.' : 'Within budget.'}`
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
	fs.rmSync(dataDir, { recursive: true, force: true });
}

/**
 * Bulk rows straight into the tables, shaped as the app writes them. Each member leans on a few
 * teammates (mostly near them in a ring, now and then across it) and says never to the rest; a
 * few say never to everyone. The last round is still open, with every check-in complete.
 */
async function seed(ctx: AppContext, seedValue: number) {
	let state = seedValue;
	const rand = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
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
	let rows = 0;
	const insert = async (table: string, values: Record<string, unknown>[]) => {
		for (let i = 0; i < values.length; i += 400)
			// eslint-disable-next-line @typescript-eslint/no-explicit-any
			await (ctx.db as any)
				.insertInto(table)
				.values(values.slice(i, i + 400))
				.execute();
		rows += values.length;
	};
	const teamId = randomUUID();
	const start = now - ROUNDS * 60 * DAY;
	await insert('teams', [
		{
			id: teamId,
			practice_id: practiceId,
			coach_id: coachId,
			name: 'Bench team',
			description: '',
			lead_id: null,
			created_at: iso(start),
			archived_at: null
		}
	]);
	const ids = Array.from({ length: MEMBERS }, () => randomUUID());
	await insert(
		'users',
		ids.map((id, i) => ({
			id,
			email: `member${i}@bench.example`,
			name: `Member ${i}`,
			password_hash: passwordHash,
			kind: 'client',
			created_at: iso(start),
			password_changed_at: iso(start),
			email_verified_at: iso(start)
		}))
	);
	await insert(
		'team_members',
		ids.map((id, i) => ({
			team_id: teamId,
			user_id: id,
			joined_at: iso(start),
			left_at: null,
			show_dot: i % 3 === 0 ? 1 : 0
		}))
	);
	for (let r = 0; r < ROUNDS; r++) {
		const roundId = randomUUID();
		const opened = start + r * 60 * DAY;
		const last = r === ROUNDS - 1;
		await insert('team_rounds', [
			{
				id: roundId,
				team_id: teamId,
				number: r + 1,
				opened_at: iso(opened),
				closes_at: iso(last ? now + 7 * DAY : opened + 14 * DAY),
				closed_at: null,
				summary: null
			}
		]);
		// Who relies on whom: a few near neighbours on the ring, now and then someone across it;
		// a few people lean on nobody. Everyone answers all three questions about everyone.
		const reliesOn = ids.map((_, i) => {
			const set = new Set<number>();
			if (rand() < 0.02) return set;
			for (let k = 0; k < 4; k++)
				set.add(
					rand() < 0.8
						? (i + MEMBERS - 2 + Math.floor(rand() * 5)) % MEMBERS
						: Math.floor(rand() * MEMBERS)
				);
			set.delete(i);
			return set;
		});
		const level = (named: boolean) => (!named ? 'never' : rand() < 0.5 ? 'often' : 'sometimes');
		const ties: Record<string, unknown>[] = [];
		for (let i = 0; i < MEMBERS; i++)
			for (let j = 0; j < MEMBERS; j++) {
				if (j === i) continue;
				for (const question of QUESTIONS) {
					const named = question === 'comes-to-me' ? reliesOn[j]!.has(i) : reliesOn[i]!.has(j);
					ties.push({
						round_id: roundId,
						from_user_id: ids[i],
						to_user_id: ids[j],
						question,
						level: level(named)
					});
				}
			}
		await insert('team_ties', ties);
		await insert(
			'team_check_ins',
			ids.map((id) => ({
				round_id: roundId,
				user_id: id,
				overall_position: Math.round(rand() * 160 - 80),
				team_position: Math.round(rand() * 160 - 80),
				updated_at: iso(opened + DAY),
				completed_at: iso(opened + DAY)
			}))
		);
	}
	return { coachId, practiceId, teamId, memberId: ids[0]!, rows };
}
