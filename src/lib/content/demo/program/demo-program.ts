import { z } from 'zod';
import { BUILT_IN_PROGRAM } from '../../programs/builtin.ts';
import { checkProgram } from '../../../domain/programs/validate.ts';
import type { ProgramDocument } from '../../../domain/programs/schema.ts';
import { demoClients } from '../demo-practice.ts';
import { parseDemoFile } from '../schema.ts';
import file from './rosas-path.json' with { type: 'json' };

/**
 * Rosa's own program in the demo practice: her copy of the built-in program with a reading
 * after the first step and a two-day wait before choosing an action, and three of her clients
 * at different steps of it (Ben three days and more past due, so the roster says "at risk").
 * Days count back from the day the demo is seeded, as in every demo file.
 */
const daysAgo = z.int().min(1, 'must be at least 1: every moment is in the past');
const clientNames = new Set(demoClients.map((c) => c.name));

const demoProgramSchema = z.strictObject({
	title: z.string().min(1),
	summary: z.string(),
	reading: z.strictObject({
		after: z.string(),
		id: z.string(),
		title: z.string().min(1),
		body: z.string().min(1)
	}),
	delay: z.strictObject({ step: z.string(), days: z.int().min(1) }),
	enrolments: z
		.array(
			z.strictObject({
				client: z.string().refine((n) => clientNames.has(n), 'is not one of the demo clients'),
				// Enrolling accepts a start up to 30 days back; the demo enrols on the start day.
				startedDaysAgo: daysAgo.max(30),
				done: z.array(z.strictObject({ step: z.string(), daysAgo }))
			})
		)
		.min(1)
});
export type DemoProgram = z.infer<typeof demoProgramSchema>;

/** The program itself: the built-in one, changed as the file says, through the usual checks. */
function documentOf(demo: DemoProgram): ProgramDocument {
	const steps = BUILT_IN_PROGRAM.steps.map((s) =>
		s.id === demo.delay.step
			? { ...s, delivery: { rule: 'days-after-previous' as const, days: demo.delay.days } }
			: s
	);
	const at = steps.findIndex((s) => s.id === demo.reading.after) + 1;
	const { after: _after, ...reading } = demo.reading;
	steps.splice(at, 0, {
		...reading,
		kind: 'reading',
		delivery: { rule: 'after-previous' },
		dueDays: 7
	});
	const checked = checkProgram({
		...BUILT_IN_PROGRAM,
		title: demo.title,
		summary: demo.summary,
		steps
	});
	if (!checked.ok)
		throw new Error(
			`The demo file rosas-path.json is invalid: ${checked.path}: ${checked.message}`
		);
	return checked.program;
}

export const demoProgram = parseDemoFile(demoProgramSchema, file, 'rosas-path.json');
export const demoProgramDocument = documentOf(demoProgram);

// Every step a client did must be a step of the program, in its order, each on a later day.
for (const e of demoProgram.enrolments) {
	const ids = demoProgramDocument.steps.map((s) => s.id);
	e.done.forEach((d, i) => {
		if (ids[i] !== d.step)
			throw new Error(`The demo file rosas-path.json: ${e.client} does “${d.step}” out of order.`);
		const before = i ? e.done[i - 1]!.daysAgo : e.startedDaysAgo + 1;
		if (d.daysAgo >= before)
			throw new Error(
				`The demo file rosas-path.json: ${e.client}'s “${d.step}” is not after the step before.`
			);
	});
}
