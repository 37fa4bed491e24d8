import type { NewActionInput, ReportInput } from '../../src/lib/domain/actions/schemas.ts';
import type { Actor } from '../../src/lib/domain/policies.ts';

export function clientActor(userId: string, practiceId?: string | null): Actor {
	return { userId, practices: practiceId ? { [practiceId]: ['client'] } : {} };
}

export function coachActor(userId: string, practiceId: string): Actor {
	return { userId, practices: { [practiceId]: ['admin', 'coach'] } };
}

/** A valid new action; the test clock starts on Friday 27 November 2026. */
export function newAction(overrides: Partial<NewActionInput> = {}): NewActionInput {
	return {
		what: 'Ask Sam to read the budget draft while it is still rough',
		withName: 'Sam',
		withEmail: null,
		domain: 'TEAM',
		kind: 'ask-help',
		discipline: 'discernment',
		schedule: { type: 'date', dueOn: '2026-12-01' },
		suggestionId: null,
		key: null,
		...overrides
	};
}

/** A report-back on `occurrence`. */
export function reportOn(occurrence: string, overrides: Partial<ReportInput> = {}): ReportInput {
	return {
		occurrence,
		outcome: 'done',
		happened: 'Sam found two mistakes I would have missed.',
		mutuality: 4,
		compared: 'better',
		measure: 20,
		measureLabel: 'minutes',
		note: null,
		...overrides
	};
}
