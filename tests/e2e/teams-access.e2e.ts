// Who may see a team's named network, over HTTP against the built app: only the team's coach.
// A member, a member of another team, another coach of the same practice and anonymous are
// refused it; a member still reads the team's map (without names they did not agree to).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACTORY_PASSWORD, buildCoach } from '../factories/accounts.ts';
import { buildTeam, checkInAs, type BuiltMember } from '../factories/teams.ts';
import { HttpClient } from '../support/http.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { createTestContext, type TestContext } from '../support/test-context.ts';
import { addMembership } from '../../src/lib/server/practices/repository.ts';
import { openCheckInRound } from '../../src/lib/server/teams/rounds.ts';
import { addDays, todayFor } from '../../src/lib/domain/actions/dates.ts';

let t: TestContext;
let server: RunningServer;
let teamId: string;
let members: BuiltMember[];
let outsider: BuiltMember;
const coachEmail = `rosa-${randomUUID().slice(0, 6)}@example.com`;
const colleagueEmail = `cara-${randomUUID().slice(0, 6)}@example.com`;

beforeAll(async () => {
	t = await createTestContext('sqlite');
	t.clock.current = new Date();
	const coach = await buildCoach(t.ctx, { name: 'Rosa Coach', email: coachEmail });
	const colleague = await buildCoach(t.ctx, { name: 'Cara Colleague', email: colleagueEmail });
	await addMembership(t.ctx.db, {
		id: randomUUID(),
		practiceId: coach.practiceId,
		userId: colleague.userId,
		role: 'coach',
		at: t.clock.now().toISOString()
	});
	const team = await buildTeam(t.ctx, coach, ['Ana Ruiz', 'Ben Cole', 'Chen Wu', 'Dara Ode']);
	({ teamId, members } = team);
	// Another team of Cara's... no: of Rosa's, with someone who is on that one only.
	outsider = (await buildTeam(t.ctx, coach, ['Olly Other', 'Pia Other'], 'Other team')).members[0]!;
	await openCheckInRound(t.ctx, {
		actor: team.coachActor,
		teamId,
		closesOn: addDays(todayFor(t.clock.now()), 7)
	});
	for (const member of members)
		await checkInAs(t.ctx, {
			teamId,
			member,
			teammates: members,
			lean: { DEP: 2, IND: 4, MUT: 3 },
			reliesOn: member.name === 'Ben Cole' ? [] : ['Ben Cole'],
			showDot: member.name === 'Ana Ruiz',
			date: new Date(Date.now() - 3600_000)
		});
	server = await startServer({ env: t.serverEnv });
}, 120_000);
afterAll(async () => {
	await server?.stop();
	await t?.dispose();
});

async function as(email: string | null) {
	const client = new HttpClient(server.url);
	if (email) await client.signIn(email, FACTORY_PASSWORD);
	return client;
}

describe('the named network of a team', () => {
	it('is shown to the team’s coach', async () => {
		const res = await (await as(coachEmail)).get(`/teams/${teamId}`);
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain('Who relies on whom');
		for (const m of members) expect(html).toContain(m.name);
	});

	it('is refused to a member, who sees no map of the open check-in, not even named dots', async () => {
		const res = await (await as(members[1]!.email)).get(`/teams/${teamId}`);
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain('Where the team stands');
		expect(html).toContain('The map of check-in 1 shows once it closes');
		expect(html).not.toContain('Who relies on whom');
		for (const m of members.filter((m) => m !== members[1])) expect(html).not.toContain(m.name);
		const data = await (await as(members[1]!.email)).get(`/teams/${teamId}/__data.json`);
		expect(await data.text()).not.toMatch(/"median"|Ana Ruiz/);
		expect((await (await as(members[1]!.email)).get(`/teams/${teamId}/manage`)).status).toBe(404);
	});

	it('is refused to a member of another team and to another coach of the practice', async () => {
		for (const email of [outsider.email, colleagueEmail]) {
			const client = await as(email);
			for (const path of ['', '/manage', '/check-in']) {
				const res = await client.get(`/teams/${teamId}${path}`);
				expect(res.status, `${email} ${path}`).toBe(404);
				expect(await res.text()).not.toContain('Ben Cole');
			}
			const post = await client.post(`/teams/${teamId}/manage?/invite`, {
				name: 'Sneaky',
				email: 'sneaky@example.com'
			});
			expect(post.status).toBe(404);
		}
		const invited = await t.ctx.db
			.selectFrom('team_invitations')
			.select('id')
			.where('email', '=', 'sneaky@example.com')
			.execute();
		expect(invited).toEqual([]);
	});

	it('is refused to someone not signed in', async () => {
		const client = await as(null);
		for (const path of ['', '/manage', '/check-in']) {
			const res = await client.get(`/teams/${teamId}${path}`);
			expect(res.status).toBeGreaterThanOrEqual(300);
			expect(res.status).toBeLessThan(400);
			expect(res.headers.get('location')).toContain('/login');
		}
	});

	it('answers a bad check-in with the reason and saves nothing, and after the close with its date', async () => {
		const ben = members[1]!;
		const client = await as(ben.email);
		const ties = () =>
			t.ctx.db
				.selectFrom('team_ties')
				.select('level')
				.where('from_user_id', '=', ben.userId)
				.where('to_user_id', '=', ben.userId)
				.execute();
		const self = await client.post(`/teams/${teamId}/check-in?/save`, {
			[`tie:${ben.userId}:help`]: 'often'
		});
		expect(self.status).toBe(400);
		expect(await self.text()).toContain('You cannot name yourself');
		expect(await ties()).toEqual([]);

		const closed = await (await as(coachEmail)).post(`/teams/${teamId}/manage?/close`, {});
		expect(closed.status).toBe(200);
		const late = await client.post(`/teams/${teamId}/check-in?/save`, {
			[`tie:${members[0]!.userId}:help`]: 'sometimes'
		});
		expect(late.status).toBe(409);
		expect(await late.text()).toMatch(/This check-in closed on .*can no longer be changed/);
		const kept = await t.ctx.db
			.selectFrom('team_ties')
			.select('level')
			.where('from_user_id', '=', ben.userId)
			.where('to_user_id', '=', members[0]!.userId)
			.where('question', '=', 'help')
			.executeTakeFirstOrThrow();
		expect(kept.level).toBe('never');

		// Closed: the member sees the map, with only the names of those who agreed.
		const html = await (await client.get(`/teams/${teamId}`)).text();
		expect(html).not.toContain('Who relies on whom');
		expect(html).toContain('Ana Ruiz');
		expect(html).not.toContain('Chen Wu');
		expect(html).not.toContain('Dara Ode');
	});
});
