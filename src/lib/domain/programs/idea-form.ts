import { z } from 'zod';
import { DOMAINS } from '../../content/instrument/codes.ts';
import { DISCIPLINES } from '../../content/program/disciplines.ts';
import { ACTION_KINDS, WHAT_MAX } from '../actions/kinds.ts';
import { SUITS } from '../actions/suggestions.ts';
import { fieldErrors } from '../schemas/field-errors.ts';
import type { SuggestionData } from './schema.ts';
import { slugOf } from './step-form.ts';

/**
 * The builder's plain form for one action idea of an action step: its words, and the kind,
 * domain, discipline and lean it suits, each chosen from the values the app knows. The same
 * limits as a file import (schema.ts), told in words a coach can act on.
 */
export const IDEA_MIN = 10;
/** As many as schema.ts lets an action step hold. */
export const MAX_IDEAS = 60;

export const SUITS_NAMES: Record<(typeof SUITS)[number], string> = {
	any: 'Anyone',
	independent: 'Those who lean independent',
	dependent: 'Those who lean dependent'
};

const ideaForm = z.object({
	text: z
		.string('Write the idea.')
		.trim()
		.min(IDEA_MIN, `Write the idea in at least ${IDEA_MIN} characters: one small, clear step.`)
		.max(WHAT_MAX, `Keep the idea to ${WHAT_MAX} characters: one small, clear step.`),
	kind: z.enum(ACTION_KINDS, 'Choose what kind of action it is.'),
	domain: z.enum(DOMAINS, 'Choose where it happens: family, friends or work.'),
	discipline: z.enum(DISCIPLINES, 'Choose the discipline it practises.'),
	suits: z.enum(SUITS, 'Choose who it suits.')
});

export type IdeaFromForm =
	{ ok: true; idea: Omit<SuggestionData, 'id'> } | { ok: false; fields: Record<string, string> };

export function ideaFromForm(values: Record<string, string | undefined>): IdeaFromForm {
	const parsed = ideaForm.safeParse(values);
	if (parsed.success) return { ok: true, idea: parsed.data };
	return { ok: false, fields: fieldErrors(parsed.error) };
}

/** An id for a new idea, from its words (up to 60 characters), that no other idea has. */
export function newIdeaId(text: string, taken: ReadonlySet<string>): string {
	const base = `idea-${slugOf(text)}`;
	let id = base;
	for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
	return id;
}

/** The form's fields for an idea being edited (or empty for a new one). */
export function formOfIdea(idea: SuggestionData | undefined): Record<string, string> {
	if (!idea) return { suits: 'any' };
	const { text, kind, domain, discipline, suits } = idea;
	return { text, kind, domain, discipline, suits };
}
