import { pickSuggestions } from '../actions/suggestions.ts';
import { leanFor } from '../lean.ts';
import { promptsForLean } from './prompts.ts';
import { renderReading } from './reading.ts';
import type { ProgramStep } from './schema.ts';

/**
 * What a person sees of a step: its words, prompts for their lean, four action ideas that fit
 * it (as the action form picks them), and a reading already turned into safe HTML.
 */
export function shownStep(step: ProgramStep, position: number | null | undefined, today: string) {
	const base = { id: step.id, kind: step.kind, title: step.title };
	const lean = leanFor(position);
	switch (step.kind) {
		case 'reading':
			return { ...base, html: renderReading(step.body) };
		case 'check-in':
			return { ...base, question: step.question };
		case 'reflection':
			return { ...base, intro: step.intro, prompts: promptsForLean(step, lean) };
		case 'actions':
			return {
				...base,
				intro: step.intro,
				suggestions: pickSuggestions(step.suggestions, lean, today)
			};
		case 'team-check-in':
			return { ...base, intro: step.intro, teamId: step.team ?? null };
		default:
			return { ...base, intro: step.intro };
	}
}
export type ShownStep = ReturnType<typeof shownStep>;
