import { z } from 'zod';
import { DOMAINS } from '../../content/instrument/codes.ts';
import { DISCIPLINES } from '../../content/program/disciplines.ts';
import { ACTION_KINDS, WHAT_MAX } from '../actions/kinds.ts';
import { SUITS } from '../actions/suggestions.ts';

/**
 * A program as data: an ordered list of steps, each with a delivery rule. The same shape is
 * stored for a draft and for each published version, exported as a file and imported again, so
 * it carries its own schema version. Objects are strict: a misspelt key is an error, not ignored.
 */
export const PROGRAM_SCHEMA_VERSION = 1;
export const TITLE_MAX = 120;
export const TEXT_MAX = 2000;
export const READING_MAX = 20_000;
export const MAX_STEPS = 60;
export const MAX_DELAY_DAYS = 365;

const id = z
	.string()
	.regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'Use lower-case letters, digits and hyphens (up to 60).');
/** Over the limit: say the limit and how long the text is, in words a coach reads (not zod's). */
const upTo = (max: number) => ({
	error: (issue: { input?: unknown }) =>
		`This can hold up to ${max.toLocaleString('en-GB')} characters; it has ${String(issue.input ?? '').length.toLocaleString('en-GB')}. Shorten it; your text is still here.`
});
const text = (max = TEXT_MAX) =>
	z.string().trim().min(1, 'Write something here.').max(max, upTo(max));
/** A number of days from `min` to MAX_DELAY_DAYS, refused in words that give the range. */
const dayCount = (min: number) => {
	const range = `Enter a number of days from ${min} to ${MAX_DELAY_DAYS}.`;
	return z
		.number('Enter a whole number of days.')
		.int('Enter a whole number of days.')
		.min(min, range)
		.max(MAX_DELAY_DAYS, range);
};
const days = dayCount(0);

/** Which leans a reflection prompt is for; "mixed" is near the midpoint (domain/lean.ts). */
export const PROMPT_LEANS = ['any', 'independent', 'dependent'] as const;

export const deliverySchema = z.discriminatedUnion('rule', [
	z.strictObject({ rule: z.literal('right-away') }),
	// `after` names the step to wait for; without it, the step just before this one.
	z.strictObject({ rule: z.literal('after-previous'), after: id.optional() }),
	z.strictObject({ rule: z.literal('days-after-previous'), days, after: id.optional() }),
	z.strictObject({ rule: z.literal('days-after-start'), days })
]);
export type Delivery = z.infer<typeof deliverySchema>;

const promptSchema = z.strictObject({
	id,
	text: text(300),
	hint: z.string().trim().max(300, upTo(300)).optional(),
	for: z.enum(PROMPT_LEANS)
});

const suggestionSchema = z.strictObject({
	id,
	text: text(WHAT_MAX),
	domain: z.enum(DOMAINS),
	kind: z.enum(ACTION_KINDS),
	discipline: z.enum(DISCIPLINES),
	suits: z.enum(SUITS)
});

const common = {
	id,
	title: text(TITLE_MAX),
	delivery: deliverySchema,
	/** Days after it opens that a step is due; overdue after that. */
	dueDays: dayCount(1)
};

export const stepSchema = z.discriminatedUnion('kind', [
	z.strictObject({
		...common,
		kind: z.literal('reflection'),
		intro: text(),
		prompts: z.array(promptSchema).min(1, 'Add at least one prompt.').max(20)
	}),
	z.strictObject({
		...common,
		kind: z.literal('actions'),
		intro: text(),
		suggestions: z.array(suggestionSchema).min(1, 'Add at least one suggestion.').max(60)
	}),
	z.strictObject({ ...common, kind: z.literal('assessment'), intro: text() }),
	z.strictObject({ ...common, kind: z.literal('feedback-round'), intro: text() }),
	z.strictObject({
		...common,
		kind: z.literal('team-check-in'),
		intro: text(),
		// The practice's team whose check-in this is, or ANY_TEAM: whichever team the client is on.
		// Optional in a file (a team id means nothing in another practice; ANY_TEAM means the same
		// everywhere); publishing needs ANY_TEAM or one of the practice's running teams.
		team: z.string().min(1).max(64).optional()
	}),
	z.strictObject({ ...common, kind: z.literal('reading'), body: text(READING_MAX) }),
	z.strictObject({ ...common, kind: z.literal('check-in'), question: text(500) })
]);
export type ProgramStep = z.infer<typeof stepSchema>;
export type StepKind = ProgramStep['kind'];
export type ReflectionPromptData = z.infer<typeof promptSchema>;
export type SuggestionData = z.infer<typeof suggestionSchema>;

export const programShape = z.strictObject({
	schema: z.literal(PROGRAM_SCHEMA_VERSION),
	title: text(TITLE_MAX),
	summary: z.string().trim().max(TEXT_MAX, upTo(TEXT_MAX)),
	steps: z.array(stepSchema).max(MAX_STEPS)
});
export type ProgramDocument = z.infer<typeof programShape>;

export const STEP_KIND_NAMES: Record<StepKind, string> = {
	reflection: 'Reflection prompts',
	actions: 'Action suggestions',
	assessment: 'Assessment',
	'feedback-round': 'Feedback round',
	'team-check-in': 'Team check-in',
	reading: 'Reading',
	'check-in': 'Check-in question'
};

/**
 * Kinds done by doing the thing itself (finishing an assessment, opening a feedback round,
 * finishing a team check-in), noticed where it happens: the client never marks them by hand.
 */
export const DETECTED_KINDS: ReadonlySet<StepKind> = new Set([
	'assessment',
	'feedback-round',
	'team-check-in'
]);
