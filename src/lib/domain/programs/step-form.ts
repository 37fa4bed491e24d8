import { z } from 'zod';
import { fieldErrors } from '../schemas/field-errors.ts';
import {
	stepSchema,
	type ProgramStep,
	type ReflectionPromptData,
	type StepKind,
	type SuggestionData
} from './schema.ts';

/**
 * The builder's plain form for one step, both ways: the fields a step fills in, and the step a
 * sent form makes. Prompts are one per line, "question | hint" (the hint is optional).
 */
export type StepForm = Record<string, string>;
const LEAN_FIELDS = {
	any: 'promptsAny',
	independent: 'promptsIndependent',
	dependent: 'promptsDependent'
} as const;

export function slugOf(text: string): string {
	const slug = text
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 40);
	return slug || 'step';
}

/** An id for a new step, from its title, that no other step has. */
export function newStepId(title: string, taken: ReadonlySet<string>): string {
	const base = slugOf(title);
	let id = base;
	for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
	return id;
}

export function formOfStep(step: ProgramStep): StepForm {
	const delivery = step.delivery;
	const form: StepForm = {
		kind: step.kind,
		title: step.title,
		rule: delivery.rule,
		days: 'days' in delivery ? String(delivery.days) : '',
		dueDays: String(step.dueDays)
	};
	if ('intro' in step) form.intro = step.intro;
	if (step.kind === 'reading') form.body = step.body;
	if (step.kind === 'check-in') form.question = step.question;
	if (step.kind === 'team-check-in') form.team = step.team ?? '';
	if (step.kind === 'reflection')
		for (const [lean, field] of Object.entries(LEAN_FIELDS))
			form[field] = step.prompts
				.filter((p) => p.for === lean)
				.map((p) => (p.hint ? `${p.text} | ${p.hint}` : p.text))
				.join('\n');
	return form;
}

function promptsOf(form: StepForm, stepId: string): ReflectionPromptData[] {
	const prompts: ReflectionPromptData[] = [];
	for (const [lean, field] of Object.entries(LEAN_FIELDS) as [keyof typeof LEAN_FIELDS, string][])
		for (const line of (form[field] ?? '').split('\n')) {
			if (!line.trim()) continue;
			const [text = '', ...hint] = line.split('|');
			const prompt: ReflectionPromptData = {
				id: `${stepId}-${prompts.length + 1}`,
				text: text.trim(),
				for: lean
			};
			if (hint.join('|').trim()) prompt.hint = hint.join('|').trim();
			prompts.push(prompt);
		}
	return prompts;
}

const FIELD_OF: Record<string, string> = {
	'delivery.days': 'days',
	'delivery.rule': 'rule',
	prompts: 'promptsAny'
};

export type StepFromForm =
	{ ok: true; step: ProgramStep } | { ok: false; fields: Record<string, string> };

/**
 * The step a sent form describes. `suggestions` are the action ideas the coach kept ticked
 * (an action step starts with the built-in program's ideas; a file import can bring others).
 */
export function stepFromForm(
	form: StepForm,
	id: string,
	kind: StepKind,
	suggestions: readonly SuggestionData[]
): StepFromForm {
	const rule = form.rule ?? 'right-away';
	const number = (value: string | undefined) => (value?.trim() ? Number(value) : NaN);
	const delivery =
		rule === 'days-after-previous' || rule === 'days-after-start'
			? { rule, days: number(form.days) }
			: { rule };
	const candidate: Record<string, unknown> = {
		id,
		kind,
		title: form.title ?? '',
		delivery,
		dueDays: number(form.dueDays)
	};
	if (kind === 'reading') candidate.body = form.body ?? '';
	else if (kind === 'check-in') candidate.question = form.question ?? '';
	else candidate.intro = form.intro ?? '';
	if (kind === 'reflection') candidate.prompts = promptsOf(form, id);
	if (kind === 'actions') candidate.suggestions = suggestions;
	if (kind === 'team-check-in' && form.team?.trim()) candidate.team = form.team.trim();
	const parsed = stepSchema.safeParse(candidate);
	if (parsed.success) return { ok: true, step: parsed.data };
	const fields: Record<string, string> = {};
	for (const [path, message] of Object.entries(fieldErrors(parsed.error))) {
		const top = path.startsWith('prompts.')
			? 'promptsAny'
			: path.startsWith('suggestions')
				? 'suggestions'
				: path;
		fields[FIELD_OF[top] ?? top] ??= message.includes('expected number')
			? 'Enter a whole number of days.'
			: message;
	}
	return { ok: false, fields };
}

export const stepKindSchema = z.enum([
	'reflection',
	'actions',
	'assessment',
	'feedback-round',
	'team-check-in',
	'reading',
	'check-in'
]);
