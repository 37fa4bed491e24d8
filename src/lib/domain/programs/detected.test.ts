import { describe, expect, it } from 'vitest';
import { program, reading } from '../../../../tests/factories/programs.ts';
import { ANY_TEAM } from './any-team.ts';
import { stepDoneBy, stepsDoneMeanwhile } from './detected.ts';
import type { ProgramStep } from './schema.ts';

const start = new Date('2026-12-01T00:00:00Z');
const at = (days: number) => new Date(start.getTime() + days * 86_400_000);
const assess: ProgramStep = {
	id: 'assess',
	title: 'Take it',
	kind: 'assessment',
	intro: 'Go.',
	delivery: { rule: 'days-after-previous', days: 2 },
	dueDays: 7
};
const team: ProgramStep = {
	id: 'team',
	title: 'Team',
	kind: 'team-check-in',
	intro: 'Go.',
	team: 'harbour',
	delivery: { rule: 'after-previous' },
	dueDays: 7
};
const path = program([reading('read', { rule: 'right-away' }), assess, team]);

describe('which step an event completes', () => {
	it('completes the open current step of the same kind, and nothing before it opens', () => {
		const clock = (now: Date, done: [string, Date][]) => ({
			startAt: start,
			completions: new Map(done),
			now
		});
		const event = { kind: 'assessment' } as const;
		expect(stepDoneBy(path, clock(at(0), []), event)).toBeNull();
		expect(stepDoneBy(path, clock(at(1), [['read', at(0)]]), event)).toBeNull();
		expect(stepDoneBy(path, clock(at(2), [['read', at(0)]]), event)).toBe('assess');
		expect(
			stepDoneBy(path, clock(at(2), [['read', at(0)]]), { kind: 'feedback-round' })
		).toBeNull();
	});

	it('completes a team check-in only for the team it names', () => {
		const clock = {
			startAt: start,
			completions: new Map([
				['read', at(0)],
				['assess', at(2)]
			]),
			now: at(3)
		};
		expect(stepDoneBy(path, clock, { kind: 'team-check-in', teamId: 'other' })).toBeNull();
		expect(stepDoneBy(path, clock, { kind: 'team-check-in', teamId: 'harbour' })).toBe('team');
		// A step for whichever team the client is on: any team's check-in.
		const anyTeam = program([
			reading('read', { rule: 'right-away' }),
			assess,
			{ ...team, team: ANY_TEAM }
		]);
		expect(stepDoneBy(anyTeam, clock, { kind: 'team-check-in', teamId: 'other' })).toBe('team');
		expect(stepDoneBy(anyTeam, clock, { kind: 'assessment' })).toBeNull();
	});
});

describe('what was done while an enrolment was paused', () => {
	const twice = program([
		reading('read', { rule: 'right-away' }),
		assess,
		{ ...assess, id: 'again', delivery: { rule: 'after-previous' } },
		team
	]);
	const clock = (now: Date) => ({ startAt: start, completions: new Map([['read', at(0)]]), now });
	const assessed = (day: number) => ({ kind: 'assessment' as const, at: at(day) });

	it('counts each event for one step, in order, from the moment each step opened', () => {
		// Paused on day 1: one assessment on day 1 (before the step opened), two after.
		const done = stepsDoneMeanwhile(twice, clock(at(20)), [assessed(9), assessed(1), assessed(4)]);
		expect(done).toEqual([
			{ stepId: 'assess', at: at(4) },
			{ stepId: 'again', at: at(9) }
		]);
	});

	it('stops at a step the events do not complete, and counts nothing after resuming', () => {
		const teamDay = { kind: 'team-check-in' as const, teamId: 'harbour', at: at(3) };
		// The check-in came before its step opened (the assessments came after it): it counts nothing.
		expect(stepsDoneMeanwhile(twice, clock(at(20)), [teamDay, assessed(5), assessed(6)])).toEqual([
			{ stepId: 'assess', at: at(5) },
			{ stepId: 'again', at: at(6) }
		]);
		// An event later than the resume is the live path's, not this one's.
		expect(stepsDoneMeanwhile(twice, clock(at(3)), [assessed(4)])).toEqual([]);
		expect(stepsDoneMeanwhile(path, clock(at(20)), [])).toEqual([]);
	});
});
