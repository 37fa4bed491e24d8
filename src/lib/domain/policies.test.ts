import { describe, expect, it } from 'vitest';
import { actions, can, type Action, type Actor, type Resource } from './policies.ts';

// The people around one client, Cleo, in practice P (coach Cole, admin Ada), and outsiders.
const P = 'practice-p';
const Q = 'practice-q';
const actors: Record<string, Actor | null> = {
	anonymous: null,
	cleo: { userId: 'cleo', practices: { [P]: ['client'] } },
	otherClient: { userId: 'olly', practices: { [P]: ['client'] } },
	cole: { userId: 'cole', practices: { [P]: ['coach'] } },
	otherCoach: { userId: 'cara', practices: { [P]: ['coach'] } },
	ada: { userId: 'ada', practices: { [P]: ['admin'] } },
	foreignCoach: { userId: 'finn', practices: { [Q]: ['admin', 'coach'] } },
	selfGuided: { userId: 'sol', practices: {} }
};
type Who = keyof typeof actors;

const cleosRecord: Resource = { practiceId: P, ownerId: 'cleo', coachId: 'cole' };
const colesTeam: Resource = { practiceId: P, coachId: 'cole', teamMemberIds: ['cleo', 'sol'] };
const resources: Record<Action, Resource> = {
	'account.read': { ownerId: 'cleo' },
	'account.update': { ownerId: 'cleo' },
	'home.view': {},
	'practice.view': { practiceId: P },
	'practice.update': { practiceId: P },
	'practice.members.list': { practiceId: P },
	'client.profile.read': cleosRecord,
	'assessment.take': cleosRecord,
	'assessment.read': cleosRecord,
	'practice.instrument.read': { practiceId: P },
	'journal.read': cleosRecord,
	'journal.write': cleosRecord,
	'journal.read-shared': cleosRecord,
	'action.read': cleosRecord,
	'action.write': cleosRecord,
	'action.report': cleosRecord,
	'practice.invite-coach': { practiceId: P },
	'practice.invite-client': { practiceId: P },
	// An invitation Cole sent.
	'invitation.manage': { practiceId: P, ownerId: 'cole' },
	'practice.roster': { practiceId: P },
	'reply.read': cleosRecord,
	'reply.write': cleosRecord,
	'coach-note.read': cleosRecord,
	'coach-note.write': cleosRecord,
	'reassessment.schedule': cleosRecord,
	'feedback.read': cleosRecord,
	'feedback.manage': cleosRecord,
	'feedback.read-shared': cleosRecord,
	'practice.instrument.validity': { practiceId: P },
	'practice.norms.adopt': { practiceId: P },
	// Your data (issue 13)
	'account.export': { ownerId: 'cleo' },
	'account.delete': { ownerId: 'cleo' },
	'practice.export': { practiceId: P },
	// Teams (issue 12): Cole's team in P, with Cleo on it (and Olly not).
	'team.create': { practiceId: P },
	'team.manage': colesTeam,
	'team.view': colesTeam,
	'team.network.read': colesTeam,
	'team.check-in': colesTeam,
	'practice.staff.manage': { practiceId: P },
	'feedback.suggest': cleosRecord,
	// Programs (decision 0038): one Cole wrote.
	'program.create': { practiceId: P },
	'program.edit': { practiceId: P, ownerId: 'cole' },
	'program.use-shared': { practiceId: P },
	'program.share': { practiceId: P },
	'enrolment.manage': cleosRecord,
	'enrolment.follow': cleosRecord,
	'practice.security-log.read': { practiceId: P }
};

// Expected answers, written out by hand: who may do each action on Cleo's data or practice P.
const expected: Record<Action, Who[]> = {
	'account.read': ['cleo'],
	'account.update': ['cleo'],
	'home.view': ['cleo', 'otherClient', 'cole', 'otherCoach', 'ada', 'foreignCoach', 'selfGuided'],
	'practice.view': ['cole', 'otherCoach', 'ada'],
	'practice.update': ['ada'],
	'practice.members.list': ['cole', 'otherCoach', 'ada'],
	'client.profile.read': ['cleo', 'cole', 'ada'],
	'assessment.take': ['cleo'],
	'assessment.read': ['cleo', 'cole', 'ada'],
	'practice.instrument.read': ['ada'],
	'journal.read': ['cleo'],
	'journal.write': ['cleo'],
	'journal.read-shared': ['cleo', 'cole'],
	'action.read': ['cleo', 'cole'],
	'action.write': ['cleo'],
	'action.report': ['cleo'],
	'practice.invite-coach': ['ada'],
	'practice.invite-client': ['cole', 'otherCoach'],
	'invitation.manage': ['cole', 'ada'],
	'practice.roster': ['cole', 'otherCoach', 'ada'],
	'reply.read': ['cleo', 'cole'],
	'reply.write': ['cleo', 'cole'],
	'coach-note.read': ['cole'],
	'coach-note.write': ['cole'],
	'reassessment.schedule': ['cole'],
	'feedback.read': ['cleo'],
	'feedback.manage': ['cleo'],
	'feedback.read-shared': ['cleo', 'cole'],
	'practice.instrument.validity': ['cole', 'otherCoach', 'ada'],
	'practice.norms.adopt': ['ada'],
	// Your data (issue 13): only Cleo exports or deletes her account; only Ada the practice.
	'account.export': ['cleo'],
	'account.delete': ['cleo'],
	'practice.export': ['ada'],
	// Only the team's coach runs it and sees the named network; members see the map and check in
	// (a self-guided member, Sol, too); another coach, an admin and Olly see nothing.
	'team.create': ['cole', 'otherCoach'],
	'team.manage': ['cole'],
	'team.view': ['cleo', 'cole', 'selfGuided'],
	'team.network.read': ['cole'],
	'team.check-in': ['cleo', 'selfGuided'],
	'practice.staff.manage': ['ada'],
	'feedback.suggest': ['cole'],
	// Programs (decision 0038)
	'program.create': ['cole', 'otherCoach', 'ada'],
	'program.edit': ['cole', 'ada'],
	'program.use-shared': ['cole', 'otherCoach', 'ada'],
	'program.share': ['ada'],
	'enrolment.manage': ['cole', 'ada'],
	'enrolment.follow': ['cleo'],
	// The practice's staff events: its admin only, never a coach or a client of it.
	'practice.security-log.read': ['ada']
};

describe('the policy table', () => {
	it('has an expectation for every action', () => {
		expect(Object.keys(expected).sort()).toEqual([...actions].sort());
	});

	for (const action of actions) {
		for (const who of Object.keys(actors) as Who[]) {
			const allowed = expected[action].includes(who);
			it(`${allowed ? 'lets' : 'refuses'} ${who} ${action}`, () => {
				expect(can(actors[who]!, action, resources[action])).toBe(allowed);
			});
		}
	}

	it('refuses a coach of practice P for the same client id in practice Q', () => {
		expect(can(actors.cole!, 'client.profile.read', { ...cleosRecord, practiceId: Q })).toBe(false);
	});

	it('refuses everything when the resource names no practice or owner', () => {
		for (const action of actions.filter((a) => a !== 'home.view')) {
			expect(can(actors.ada!, action, {})).toBe(false);
		}
	});
});
