import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildClient, buildCoach } from '../../../../tests/factories/accounts.ts';
import {
	buildTeam,
	checkInAs,
	teamTokens,
	type BuiltMember
} from '../../../../tests/factories/teams.ts';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { analyseReliance } from '../../domain/teams/network.ts';
import { asRelianceAnswers, tieField } from '../../domain/teams/rules.ts';
import { listNetworkTies } from '../team-check-ins/repository.ts';
import { eraseAccount } from '../account-deletion/erase-account.ts';
import { listDevMailbox } from '../mail/mailer.ts';
import { runDueJobs } from '../jobs/worker.ts';
import { getCheckIn, saveCheckIn } from '../team-check-ins/check-in.ts';
import { inviteMember } from './invite-member.ts';
import type { Actor } from '../../domain/policies.ts';
import { joinTeamSignedIn, joinTeamWithNewAccount, viewTeamInvitation } from './join-team.ts';
import { getTeamManagement, listMyTeams } from './list-teams.ts';
import { nameLead, removeMember } from './manage-team.ts';
import { closeCheckInNow, openCheckInRound } from './rounds.ts';
import { getTeamPage } from './view-team.ts';

const DAY = 24 * 3600_000;
const NAMES = ['Ana Ruiz', 'Ben Cole', 'Chen Wu', 'Dara Ode', 'Eli Park'];
// Ben and Eli lean on others (+50); the rest stand alone (−50).
const leanOf = (name: string) =>
	['Ben Cole', 'Eli Park'].includes(name) ? { DEP: 4, IND: 2, MUT: 3 } : { DEP: 2, IND: 4, MUT: 3 };

describe.each(testDialects())('teams on %s', (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});

	async function teamOfFive() {
		const coach = await buildCoach(t.ctx, { name: 'Rosa Coach' });
		const built = await buildTeam(t.ctx, coach, NAMES);
		const by = (name: string) => built.members.find((m) => m.name === name)!;
		return { coach, ...built, by };
	}

	/** Everyone but `skip` checks in; Ana relies on Ben and Chen, everyone else on Ben; Eli on nobody, and nobody on Eli. */
	async function checkInAll(
		teamId: string,
		members: BuiltMember[],
		skip: string[] = [],
		done: string[] = []
	) {
		const reliesOn: Record<string, string[]> = {
			'Ana Ruiz': ['Ben Cole', 'Chen Wu'],
			'Chen Wu': ['Ben Cole'],
			'Dara Ode': ['Ben Cole'],
			'Ben Cole': ['Chen Wu']
		};
		for (const member of members.filter((m) => !skip.includes(m.name) && !done.includes(m.name)))
			await checkInAs(t.ctx, {
				teamId,
				member,
				teammates: members,
				lean: leanOf(member.name),
				reliesOn: reliesOn[member.name] ?? [],
				showDot: member.name === 'Ana Ruiz',
				date: t.clock.now()
			});
	}

	it('invites by email with who sees what, and shows the map only from four check-ins', async () => {
		const { teamId, coachActor, members, by } = await teamOfFive();
		const mail = (await listDevMailbox(t.ctx)).find((m) => m.to_address === members[0]!.email)!;
		expect(mail.text_body).toContain('Only the coach who runs the team sees who relies on whom');
		expect(mail.text_body).toContain('Nobody on the team sees your answers');
		expect(await listMyTeams(t.ctx, { actor: by('Ana Ruiz').actor })).toEqual([
			{ id: teamId, name: 'Platform team', archived: false, openCheckIn: null }
		]);

		await openCheckInRound(t.ctx, { actor: coachActor, teamId, closesOn: '2026-12-10' });
		// Each member is told, with the link, until when, and who sees what.
		await runDueJobs(t.ctx);
		const told = (await listDevMailbox(t.ctx)).filter((m) =>
			m.subject.startsWith('Check-in 1 of Platform team is open')
		);
		expect(told.map((m) => m.to_address).sort()).toEqual(members.map((m) => m.email).sort());
		expect(told[0]!.text_body).toContain('until the end of 10 December 2026');
		expect(told[0]!.text_body).toContain(`http://localhost:3000/teams/${teamId}/check-in`);
		expect(told[0]!.text_body).toContain('Nobody on the team sees your answers');
		await checkInAll(teamId, members, ['Ben Cole', 'Chen Wu']);
		// "Check in" is offered to those who have not yet, while the check-in is open.
		const open = { number: 1, closesOn: '2026-12-10' };
		expect((await listMyTeams(t.ctx, { actor: by('Ana Ruiz').actor }))[0]!.openCheckIn).toEqual({
			...open,
			done: true
		});
		expect((await listMyTeams(t.ctx, { actor: by('Ben Cole').actor }))[0]!.openCheckIn).toEqual({
			...open,
			done: false
		});
		const early = await getTeamPage(t.ctx, { actor: coachActor, teamId });
		expect(early.map).toBeNull();
		expect(early.waiting).toEqual({ round: 1, completed: 3, needed: 4 });

		await checkInAll(teamId, members, [], ['Ana Ruiz', 'Dara Ode', 'Eli Park']);
		const coachView = await getTeamPage(t.ctx, { actor: coachActor, teamId });
		expect(coachView.viewer).toBe('coach');
		expect(coachView.map!.completed).toBe(5);
		// Only Ana agreed to be named; everyone is in the distribution.
		expect(coachView.map!.overall.named.map((d) => d.name)).toEqual(['Ana Ruiz']);
		expect(coachView.map!.overall.count).toBe(5);
		expect(coachView.map!.overall.median).toBeCloseTo(-50, 0);
		const network = coachView.map!.network!;
		const named = (ids: string[]) => ids.map((id) => members.find((m) => m.userId === id)!.name);
		expect(named(network.team.isolates)).toEqual(['Eli Park']);
		expect(named(network.team.bottlenecks)).toContain('Ben Cole');

		// While the check-in is open a member sees no map of it: between two looks, a moving map
		// would show where the person who just checked in landed.
		const whileOpen = await getTeamPage(t.ctx, { actor: by('Ana Ruiz').actor, teamId });
		expect(whileOpen).toMatchObject({ viewer: 'member', map: null, heldUntilClose: 1, trail: [] });
		expect(whileOpen.openRound).toMatchObject({ number: 1, completed: 5 });
		t.clock.current = new Date('2026-12-11T00:30:00Z');

		const anaView = await getTeamPage(t.ctx, { actor: by('Ana Ruiz').actor, teamId });
		expect(anaView.viewer).toBe('member');
		expect(anaView.heldUntilClose).toBeNull();
		expect(anaView.map!.open).toBe(false);
		expect(anaView.map!.network).toBeNull();
		expect(anaView.map!.figures.isolated).toBe(1);
		expect(anaView.map!.own!.overall).toBeCloseTo(-50, 0);
		expect(JSON.stringify(anaView)).not.toContain('Eli Park');
	});

	it('builds the same network from the answers it reads as from every answer given', async () => {
		const { teamId, coachActor, members } = await teamOfFive();
		await openCheckInRound(t.ctx, { actor: coachActor, teamId, closesOn: '2026-12-10' });
		await checkInAll(teamId, members);
		const [round] = await t.ctx.db.selectFrom('team_rounds').select('id').execute();
		const every = await t.ctx.db
			.selectFrom('team_ties')
			.select(['from_user_id as from', 'to_user_id as to', 'question', 'level'])
			.where('round_id', '=', round!.id)
			.execute();
		const read = await listNetworkTies(t.ctx.db, round!.id);
		// Every named tie is contradicted here ("they come to me" is always never), so the
		// denials matter; most "never" answers do not and are not read.
		expect(read.length).toBeLessThan(every.length / 2);
		const people = members.map((m) => ({ id: m.userId, name: m.name }));
		const all = analyseReliance(people, asRelianceAnswers(every));
		expect(all.ties.every((tie) => tie.contradicted)).toBe(true);
		expect(analyseReliance(people, asRelianceAnswers(read))).toEqual(all);
	});

	it('lets someone with an account join signed in, names a lead who sees no more than others', async () => {
		const { coach, teamId, coachActor, members, by } = await teamOfFive();
		await nameLead(t.ctx, { actor: coachActor, teamId, leadId: by('Ana Ruiz').userId });
		await openCheckInRound(t.ctx, { actor: coachActor, teamId, closesOn: '2026-12-10' });
		await checkInAll(teamId, members);
		const existing = await buildClient(t.ctx, { coach, name: 'Fay Existing' });
		await inviteMember(t.ctx, {
			actor: coachActor,
			teamId,
			values: { name: 'Fay', email: existing.email },
			baseUrl: 'http://localhost:3000'
		});
		const token = (await teamTokens(t.ctx)).get(existing.email)!;
		expect((await viewTeamInvitation(t.ctx, token)).hasAccount).toBe(true);
		await expect(joinTeamSignedIn(t.ctx, { actor: by('Ana Ruiz').actor, token })).rejects.toThrow(
			`This invitation was sent to ${existing.email}`
		);
		const fay: Actor = { userId: existing.userId, practices: { [coach.practiceId]: ['client'] } };
		expect(await joinTeamSignedIn(t.ctx, { actor: fay, token })).toEqual({ teamId });
		await expect(joinTeamSignedIn(t.ctx, { actor: fay, token })).rejects.toThrow('already used');

		await closeCheckInNow(t.ctx, { actor: coachActor, teamId });
		const lead = await getTeamPage(t.ctx, { actor: by('Ana Ruiz').actor, teamId });
		expect(lead.team.leadName).toBe('Ana Ruiz');
		expect(lead.map!.network).toBeNull();
		await expect(getTeamManagement(t.ctx, { actor: by('Ana Ruiz').actor, teamId })).rejects.toThrow(
			'There is no such team'
		);
		expect(lead.memberCount).toBe(6);
	});

	it('keeps the trail round by round, frozen at each close', async () => {
		const { teamId, coachActor, members } = await teamOfFive();
		await openCheckInRound(t.ctx, { actor: coachActor, teamId, closesOn: '2026-12-10' });
		await checkInAll(teamId, members);
		await closeCheckInNow(t.ctx, { actor: coachActor, teamId });
		t.clock.advance(40 * DAY);
		await openCheckInRound(t.ctx, { actor: coachActor, teamId, closesOn: '2027-01-20' });
		// Until the new check-in has enough for a map, the coach keeps the last one, told how
		// the new one stands, rather than a blank where the map was.
		const between = await getTeamPage(t.ctx, { actor: coachActor, teamId });
		expect(between.map).toMatchObject({ round: 1, completed: 5 });
		expect(between.waiting).toEqual({ round: 2, completed: 0, needed: 4 });
		await checkInAll(teamId, members);
		// The second round ends by its closing day, with nobody closing it.
		t.clock.advance(60 * DAY);
		const page = await getTeamPage(t.ctx, { actor: coachActor, teamId });
		expect(page.trail.map((r) => [r.round, r.completed, r.isolates, r.closedOn !== null])).toEqual([
			[1, 5, 1, true],
			[2, 5, 1, true]
		]);
		// Four pairs are tied (Ana–Ben, Ana–Chen, Dara–Ben, Ben–Chen), one of them both ways.
		expect(page.trail[0]!.reciprocity).toBeCloseTo(1 / 4, 5);
	});

	it('tells the coach of check-ins from people taken off the team since, which stay in the round', async () => {
		const { teamId, coachActor, members, by } = await teamOfFive();
		await openCheckInRound(t.ctx, { actor: coachActor, teamId, closesOn: '2026-12-10' });
		await checkInAll(teamId, members, ['Ana Ruiz', 'Chen Wu', 'Eli Park']);
		await removeMember(t.ctx, { actor: coachActor, teamId, userId: by('Dara Ode').userId });
		const managed = await getTeamManagement(t.ctx, { actor: coachActor, teamId });
		expect(managed.members.filter((m) => m.checkedIn).map((m) => m.name)).toEqual(['Ben Cole']);
		expect(managed.openRound?.fromFormerMembers).toBe(1);
	});

	it('refuses naming oneself, someone who left, and answers after the close, losing nothing', async () => {
		const { teamId, coachActor, members, by } = await teamOfFive();
		const ana = by('Ana Ruiz');
		await openCheckInRound(t.ctx, { actor: coachActor, teamId, closesOn: '2026-12-10' });
		const save = (values: Record<string, string>) =>
			saveCheckIn(t.ctx, { actor: ana.actor, teamId, values, finish: false });
		await save({ [tieField(by('Ben Cole').userId, 'help')]: 'often' });

		await expect(save({ [tieField(ana.userId, 'help')]: 'often' })).rejects.toThrow(
			'You cannot name yourself'
		);
		await removeMember(t.ctx, { actor: coachActor, teamId, userId: by('Dara Ode').userId });
		await expect(save({ [tieField(by('Dara Ode').userId, 'help')]: 'often' })).rejects.toThrow(
			'Dara Ode is no longer in this team'
		);
		await expect(save({ [tieField(by('Ben Cole').userId, 'help')]: 'always' })).rejects.toThrow(
			'Choose never, sometimes or often'
		);
		const page = await getCheckIn(t.ctx, { actor: ana.actor, teamId });
		expect(page.answers).toEqual({ [tieField(by('Ben Cole').userId, 'help')]: 'often' });
		expect(page.teammates.map((m) => m.name)).toEqual(['Ben Cole', 'Chen Wu', 'Eli Park']);

		// Finishing without every answer keeps what was chosen and says how many are left.
		await expect(
			saveCheckIn(t.ctx, {
				actor: ana.actor,
				teamId,
				values: { [tieField(by('Chen Wu').userId, 'advice')]: 'sometimes' },
				finish: true
			})
		).rejects.toThrow('7 answers are still empty');
		expect(
			Object.keys((await getCheckIn(t.ctx, { actor: ana.actor, teamId })).answers)
		).toHaveLength(2);

		t.clock.advance(30 * DAY);
		await expect(save({ [tieField(by('Ben Cole').userId, 'help')]: 'never' })).rejects.toThrow(
			/This check-in closed on .*answers can no longer be changed/
		);
		expect(members).toHaveLength(5);
	});

	it('refuses a check-in for a team of one, and an expired invitation', async () => {
		const coach = await buildCoach(t.ctx);
		const { teamId, coachActor } = await buildTeam(t.ctx, coach, ['Solo Person'], 'Tiny team');
		await expect(
			openCheckInRound(t.ctx, { actor: coachActor, teamId, closesOn: '2026-12-10' })
		).rejects.toThrow('Only one person is on the team so far');
		await inviteMember(t.ctx, {
			actor: coachActor,
			teamId,
			values: { name: 'Late Larry', email: 'larry@example.com' },
			baseUrl: 'http://localhost:3000'
		});
		const token = (await teamTokens(t.ctx)).get('larry@example.com')!;
		expect((await viewTeamInvitation(t.ctx, token)).teamName).toBe('Tiny team');
		t.clock.advance(15 * DAY);
		await expect(viewTeamInvitation(t.ctx, token)).rejects.toThrow(
			/ran out on .*Ask the coach who runs Tiny team/
		);
		await expect(
			joinTeamWithNewAccount(t.ctx, {
				token,
				values: { name: 'Larry', password: 'a long enough password here' },
				address: '10.9.9.9'
			})
		).rejects.toThrow('ran out');
		expect(
			await t.ctx.db
				.selectFrom('users')
				.select('id')
				.where('email', '=', 'larry@example.com')
				.execute()
		).toEqual([]);
	});

	it('keeps the trail as it was when a member deletes their account', async () => {
		const { teamId, coachActor, members, by } = await teamOfFive();
		await openCheckInRound(t.ctx, { actor: coachActor, teamId, closesOn: '2026-12-10' });
		await checkInAll(teamId, members);
		await closeCheckInNow(t.ctx, { actor: coachActor, teamId });
		const before = (await getTeamPage(t.ctx, { actor: coachActor, teamId })).trail;
		// Account deletion (issue 13) erases the person's rows; their team rows go by cascade.
		await eraseAccount(t.ctx, by('Ben Cole').userId, by('Ben Cole').email);
		const after = await getTeamPage(t.ctx, { actor: coachActor, teamId });
		expect(after.trail).toEqual(before);
		expect(after.memberCount).toBe(4);
		const ties = await t.ctx.db.selectFrom('team_ties').select('to_user_id').execute();
		expect(ties.some((tie) => tie.to_user_id === by('Ben Cole').userId)).toBe(false);
		// The map of that round, recomputed from what is left, still shows (4 check-ins), without Ben.
		expect(after.map!.network!.people.map((p) => p.name)).not.toContain('Ben Cole');
	});
});
