import { BUILT_IN_PROGRAM } from '../../content/programs/builtin.ts';
import type { Lean } from '../lean.ts';
import { differsByLean, promptsForLean } from './prompts.ts';
import type { ProgramStep, SuggestionData } from './schema.ts';

/**
 * "The prompts and ideas for this person now", one path for everyone: the open step of the
 * coach's program they follow when it is a reflection (or action) step, else the built-in
 * program's, which is what a self-guided client has always seen (decision 0038).
 */
type Reflection = Extract<ProgramStep, { kind: 'reflection' }>;

/** The open step of a coach's program the person follows, or null (no program, or the built-in one). */
export interface OpenStep {
	programTitle: string;
	number: number;
	step: ProgramStep;
}

export const BUILT_IN_REFLECTIONS: readonly Reflection[] = BUILT_IN_PROGRAM.steps.filter(
	(s): s is Reflection => s.kind === 'reflection'
);
export const BUILT_IN_IDEAS: readonly SuggestionData[] = BUILT_IN_PROGRAM.steps.flatMap((s) =>
	s.kind === 'actions' ? s.suggestions : []
);

export interface ReflectionsNow {
	/** Set when the prompts are a coach's program step's. */
	from: { programTitle: string; number: number } | null;
	/** Each step with the number the journal shows it under. */
	steps: { number: number; step: Reflection }[];
}

export function reflectionsNow(open: OpenStep | null): ReflectionsNow {
	if (open?.step.kind === 'reflection')
		return {
			from: { programTitle: open.programTitle, number: open.number },
			steps: [{ number: open.number, step: open.step }]
		};
	return { from: null, steps: BUILT_IN_REFLECTIONS.map((step, i) => ({ number: i + 1, step })) };
}

export interface IdeasNow {
	from: { programTitle: string; number: number; title: string; intro: string } | null;
	suggestions: readonly SuggestionData[];
}

export function ideasNow(open: OpenStep | null): IdeasNow {
	if (open?.step.kind === 'actions') {
		const { title, intro, suggestions } = open.step;
		return {
			from: { programTitle: open.programTitle, number: open.number, title, intro },
			suggestions
		};
	}
	return { from: null, suggestions: BUILT_IN_IDEAS };
}

/**
 * The prompts a step offers in the journal. With a known lean, those for anyone and for that
 * lean; without one (near the midpoint, or no result yet) a step whose prompts differ by lean
 * offers only those for anyone until the person picks a side, as the journal's step 2 always has.
 */
export function journalPrompts(step: Reflection, lean: Exclude<Lean, 'mixed'> | null) {
	if (lean) return promptsForLean(step, lean);
	return differsByLean(step) ? step.prompts.filter((p) => p.for === 'any') : step.prompts;
}

/** What an entry answers, as its pages show it. */
export interface Answered {
	/** "Step 2: My patterns" for a built-in step; "From your program: …" for a program's. */
	heading: string;
	stepTitle: string;
	text: string;
	hint: string;
}

/** A prompt a person may write to now; `copy` is what the entry keeps of a program's prompt. */
export function writablePrompt(now: ReflectionsNow, stepId: string, promptId: string) {
	const found = now.steps.find((s) => s.step.id === stepId);
	const prompt = found?.step.prompts.find((p) => p.id === promptId);
	if (!found || !prompt) return null;
	const answered: Answered = {
		heading: headingOf(now.from ? null : found.number, found.step.title),
		stepTitle: found.step.title,
		text: prompt.text,
		hint: prompt.hint ?? ''
	};
	const copy = now.from
		? { step_title: found.step.title, prompt_text: prompt.text, prompt_hint: prompt.hint ?? null }
		: null;
	return { answered, copy };
}

const headingOf = (number: number | null, title: string) =>
	number === null ? `From your program: ${title}` : `Step ${number}: ${title}`;

/** What a stored entry answers: its own copy of a program's prompt, or a built-in prompt by id. */
export function answeredBy(row: {
	step: string;
	prompt_id: string;
	step_title: string | null;
	prompt_text: string | null;
	prompt_hint: string | null;
}): Answered {
	if (row.prompt_text !== null)
		return {
			heading: headingOf(null, row.step_title ?? ''),
			stepTitle: row.step_title ?? '',
			text: row.prompt_text,
			hint: row.prompt_hint ?? ''
		};
	const at = BUILT_IN_REFLECTIONS.findIndex((s) => s.id === row.step);
	const prompt = BUILT_IN_REFLECTIONS[at]?.prompts.find((p) => p.id === row.prompt_id);
	if (!prompt) return { heading: 'Your journal', stepTitle: 'Entry', text: '', hint: '' };
	return {
		heading: headingOf(at + 1, BUILT_IN_REFLECTIONS[at]!.title),
		stepTitle: BUILT_IN_REFLECTIONS[at]!.title,
		text: prompt.text,
		hint: prompt.hint ?? ''
	};
}
