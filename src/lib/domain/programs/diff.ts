import type { ProgramDocument, ProgramStep } from './schema.ts';

export type StepChange =
	| { change: 'added'; title: string }
	| { change: 'removed'; title: string }
	| { change: 'changed'; title: string }
	| { change: 'moved'; title: string };

const same = (a: ProgramStep, b: ProgramStep) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What moving an enrolment from one version to another would change, for the steps the person
 * has not reached. Steps are matched by id, so what they did carries over; a step they already
 * did keeps counting as done even if the new version rewrites it.
 */
export function versionChanges(
	from: ProgramDocument,
	to: ProgramDocument,
	done: ReadonlySet<string>
): StepChange[] {
	const changes: StepChange[] = [];
	const oldIds = from.steps.map((s) => s.id).filter((id) => !done.has(id));
	const newIds = to.steps.map((s) => s.id).filter((id) => !done.has(id));
	for (const step of to.steps) {
		if (done.has(step.id)) continue;
		const before = from.steps.find((s) => s.id === step.id);
		if (!before) changes.push({ change: 'added', title: step.title });
		else if (!same(before, step)) changes.push({ change: 'changed', title: step.title });
		else if (oldIds.indexOf(step.id) !== newIds.indexOf(step.id))
			changes.push({ change: 'moved', title: step.title });
	}
	for (const step of from.steps)
		if (!done.has(step.id) && !to.steps.some((s) => s.id === step.id))
			changes.push({ change: 'removed', title: step.title });
	return changes;
}
