import type { z } from 'zod';
import { ANY_TEAM } from './any-team.ts';
import {
	PROGRAM_SCHEMA_VERSION,
	programShape,
	type ProgramDocument,
	type ProgramStep
} from './schema.ts';

export type Checked =
	{ ok: true; program: ProgramDocument } | { ok: false; path: string; message: string };

/** A zod path as a reader finds it in the file: `steps[2].delivery.days`. */
export function formatPath(path: readonly PropertyKey[]): string {
	let out = '';
	for (const part of path) {
		if (typeof part === 'number') out += `[${part}]`;
		else out += out ? `.${String(part)}` : String(part);
	}
	return out || '(the whole file)';
}

/** Raw HTML in a reading: refused, so the author learns at once that it will not show. */
const RAW_HTML = /<\/?[a-z][a-z0-9-]*(\s[^>]*)?\/?>/i;

/**
 * The step a delivery rule waits for, by index; null when it waits for none; -1 for "the step
 * before" on the first step, -2 for an id no step has (both refused by checkProgram).
 */
export function waitsFor(steps: readonly ProgramStep[], index: number): number | null {
	const delivery = steps[index]!.delivery;
	if (delivery.rule !== 'after-previous' && delivery.rule !== 'days-after-previous') return null;
	if (delivery.after === undefined) return index === 0 ? -1 : index - 1;
	const found = steps.findIndex((s) => s.id === delivery.after);
	return found < 0 ? -2 : found;
}

function fail(path: string, message: string): Checked {
	return { ok: false, path, message };
}

/** Rules across steps that a per-field schema cannot state. */
function checkSteps(program: ProgramDocument): Checked {
	const seen = new Set<string>();
	for (const [i, step] of program.steps.entries()) {
		if (seen.has(step.id))
			return fail(`steps[${i}].id`, `Two steps share the id “${step.id}”. Each needs its own.`);
		seen.add(step.id);
		if (step.kind === 'reading' && RAW_HTML.test(step.body))
			return fail(
				`steps[${i}].body`,
				'A reading is Markdown only: raw HTML such as <script> or <div> is not allowed.'
			);
	}
	for (const [i] of program.steps.entries()) {
		const target = waitsFor(program.steps, i);
		if (target === -1)
			return fail(
				`steps[${i}].delivery`,
				'The first step has no step before it to wait for. Choose “right away” or a day after the start.'
			);
		if (target === -2)
			return fail(`steps[${i}].delivery.after`, 'This step waits for a step that does not exist.');
		if (target === i) return fail(`steps[${i}].delivery.after`, 'A step cannot wait for itself.');
	}
	// Follow each chain of "after" links: meeting a step twice means they wait for each other.
	for (const [i, step] of program.steps.entries()) {
		const visited = new Set<number>([i]);
		for (let at = waitsFor(program.steps, i); at !== null; at = waitsFor(program.steps, at)) {
			if (visited.has(at))
				return fail(
					`steps[${i}].delivery`,
					`“${step.title}” waits, through other steps, for itself: no step in that loop could ever open.`
				);
			visited.add(at);
		}
	}
	// Steps open in order, so waiting for a later one would hold this step back for ever.
	for (const [i] of program.steps.entries()) {
		const target = waitsFor(program.steps, i);
		if (target !== null && target > i)
			return fail(
				`steps[${i}].delivery.after`,
				'A step can only wait for a step that comes before it: steps open in order.'
			);
	}
	return { ok: true, program };
}

/**
 * Reads a program from anything (a form, a stored row, an imported file). A newer schema is
 * refused by name before zod sees it, since its shape may differ in any way.
 */
export function checkProgram(input: unknown): Checked {
	const declared = (input as { schema?: unknown } | null)?.schema;
	if (typeof declared === 'number' && declared > PROGRAM_SCHEMA_VERSION)
		return fail(
			'schema',
			`This program was written for a newer Midpoint (schema ${declared}); this one reads schema ${PROGRAM_SCHEMA_VERSION}. Update Midpoint, or export it again from an older one.`
		);
	const parsed = programShape.safeParse(input);
	if (!parsed.success) return firstIssue(parsed.error);
	return checkSteps(parsed.data);
}

function firstIssue(error: z.ZodError): Checked {
	const issue = error.issues[0]!;
	return fail(formatPath(issue.path), issue.message);
}

/**
 * What a team check-in step's team is for the practice: usable, not chosen, or no longer one of
 * its running teams (deleted with its coach's account, archived, or from another practice's file).
 */
export function teamProblemOf(step: ProgramStep, runningTeams: ReadonlySet<string>): string | null {
	if (step.kind !== 'team-check-in') return null;
	if (!step.team) return 'Choose the team whose check-in this step is.';
	if (step.team !== ANY_TEAM && !runningTeams.has(step.team))
		return 'The team this step named no longer runs in this practice (deleted or archived). Choose another team, or remove the step.';
	return null;
}

/**
 * What publishing also needs: at least one step, and every team check-in naming one of the
 * practice's running teams (`runningTeams`: their ids).
 */
export function checkPublishable(
	program: ProgramDocument,
	runningTeams: ReadonlySet<string> = new Set()
): Checked {
	const checked = checkProgram(program);
	if (!checked.ok) return checked;
	if (program.steps.length === 0)
		return fail('steps', 'This program has no steps yet. Add one before publishing.');
	for (const [i, step] of program.steps.entries()) {
		const problem = teamProblemOf(step, runningTeams);
		if (problem) return fail(`steps[${i}].team`, `“${step.title}”: ${problem}`);
	}
	return checked;
}
