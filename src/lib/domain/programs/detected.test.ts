import { describe, expect, it } from 'vitest';
import { program, reading } from '../../../../tests/factories/programs.ts';
import { stepDoneBy } from './detected.ts';
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
	});
});
