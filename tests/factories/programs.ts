import type { ProgramDocument, ProgramStep } from '../../src/lib/domain/programs/schema.ts';

/** A reading step: the smallest step there is, for schedule and storage tests. */
export function reading(
	id: string,
	delivery: ProgramStep['delivery'],
	body = 'Read *this*.'
): ProgramStep {
	return { id, title: `Reading ${id}`, kind: 'reading', body, delivery, dueDays: 7 };
}

export function program(steps: ProgramStep[], title = 'Test program'): ProgramDocument {
	return { schema: 1, title, summary: '', steps };
}
