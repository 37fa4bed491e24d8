import { BUILT_IN_PROGRAM } from '../../content/programs/builtin.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import type {
	ProgramDocument,
	ProgramStep,
	StepKind,
	SuggestionData
} from '../../domain/programs/schema.ts';
import { newStepId, stepFromForm, type StepForm } from '../../domain/programs/step-form.ts';
import { checkProgram } from '../../domain/programs/validate.ts';
import type { AppContext } from '../context.ts';
import { documentOf, editableProgram } from './access.ts';
import { saveDraft } from './repository.ts';

export type Ctx = Pick<AppContext, 'db' | 'now'>;
export interface Target {
	actor: Actor;
	practiceId: string;
	programId: string;
}

/** Ideas a new action step starts with: the built-in program's. */
export const STARTER_SUGGESTIONS: readonly SuggestionData[] = BUILT_IN_PROGRAM.steps.flatMap((s) =>
	s.kind === 'actions' ? s.suggestions : []
);

/** The builder's field for a problem found in a step (`steps[2].delivery.days` → `days`). */
function fieldOf(path: string): string | null {
	const m = /^steps\[\d+\]\.(\w+)(?:\.(\w+))?/.exec(path);
	if (!m) return null;
	if (m[1] === 'delivery') return m[2] === 'days' ? 'days' : 'rule';
	return m[1] === 'id' ? 'title' : (m[1] ?? null);
}

/** Applies a change to the draft and saves it if the whole program still reads. */
export async function change(
	ctx: Ctx,
	input: Target,
	edit: (draft: ProgramDocument) => ProgramDocument,
	field = 'form'
): Promise<ProgramDocument> {
	const program = await editableProgram(ctx.db, input.actor, input.programId, input.practiceId);
	const next = edit(documentOf(program.draft));
	const checked = checkProgram(next);
	if (!checked.ok)
		throw new DomainError('invalid_input', checked.message, {
			fields: { [fieldOf(checked.path) ?? field]: checked.message }
		});
	await saveDraft(ctx.db, program.id, {
		title: checked.program.title,
		json: JSON.stringify(checked.program),
		at: ctx.now().toISOString()
	});
	return checked.program;
}

function stepOrRefuse(
	form: StepForm,
	id: string,
	kind: StepKind,
	suggestions: readonly SuggestionData[]
): ProgramStep {
	const made = stepFromForm(form, id, kind, suggestions);
	if (made.ok) return made.step;
	throw new DomainError('invalid_input', 'Please check the highlighted fields.', {
		fields: made.fields
	});
}

export async function renameProgram(ctx: Ctx, input: Target & { title: string; summary: string }) {
	await change(ctx, input, (d) => ({ ...d, title: input.title, summary: input.summary }), 'title');
}

export async function addStep(ctx: Ctx, input: Target & { kind: StepKind; form: StepForm }) {
	let added = '';
	await change(ctx, input, (d) => {
		added = newStepId(input.form.title ?? '', new Set(d.steps.map((s) => s.id)));
		return {
			...d,
			steps: [...d.steps, stepOrRefuse(input.form, added, input.kind, STARTER_SUGGESTIONS)]
		};
	});
	return { stepId: added };
}

/** Saves a step's fields; `kept` are the suggestion ids still ticked on an action step. */
export async function saveStep(
	ctx: Ctx,
	input: Target & { stepId: string; form: StepForm; kept: string[] }
) {
	await change(ctx, input, (d) => {
		const at = d.steps.findIndex((s) => s.id === input.stepId);
		if (at < 0) throw new DomainError('not_found', 'This step is no longer in the program.');
		const old = d.steps[at]!;
		const pool = old.kind === 'actions' ? old.suggestions : [];
		const suggestions = pool.filter((s) => input.kept.includes(s.id));
		const steps = [...d.steps];
		steps[at] = stepOrRefuse(input.form, old.id, old.kind, suggestions);
		return { ...d, steps };
	});
}

export async function moveStep(ctx: Ctx, input: Target & { stepId: string; by: -1 | 1 }) {
	await change(ctx, input, (d) => {
		const at = d.steps.findIndex((s) => s.id === input.stepId);
		const to = at + input.by;
		if (at < 0 || to < 0 || to >= d.steps.length) return d;
		const steps = [...d.steps];
		const [moved] = steps.splice(at, 1);
		steps.splice(to, 0, moved!);
		return { ...d, steps };
	});
}

export async function removeStep(ctx: Ctx, input: Target & { stepId: string }) {
	await change(ctx, input, (d) => ({ ...d, steps: d.steps.filter((s) => s.id !== input.stepId) }));
}
