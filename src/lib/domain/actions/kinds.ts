/**
 * The vocabulary of actions and report-backs: stored codes and the words people see.
 * Codes are what the database keeps; labels may be reworded without a migration.
 */
export const ACTION_KINDS = [
	'ask-help',
	'offer-help',
	'together',
	'step-back',
	'decide-share'
] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export const ACTION_KIND_NAMES: Record<ActionKind, string> = {
	'ask-help': 'Ask for help',
	'offer-help': 'Offer help',
	together: 'Do it together',
	'step-back': 'Step back and let others carry it',
	'decide-share': 'Decide on your own, then share it'
};

/** Which way each kind of action moves a person along the continuum. */
export const ACTION_KIND_HINTS: Record<ActionKind, string> = {
	'ask-help': 'Good practice when you tend to carry things alone.',
	'offer-help': 'Being someone others can rely on.',
	together: 'Share the work and the credit.',
	'step-back': 'Let someone else own a part, and trust them with it.',
	'decide-share': 'Good practice when you tend to wait for others to choose.'
};

export const OUTCOMES = ['done', 'partly', 'not-yet'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME_NAMES: Record<Outcome, string> = {
	done: 'Done',
	partly: 'Partly',
	'not-yet': 'Not yet'
};

export const COMPARISONS = ['better', 'same', 'worse'] as const;
export type Comparison = (typeof COMPARISONS)[number];
export const COMPARISON_NAMES: Record<Comparison, string> = {
	better: 'Better than going it alone',
	same: 'About the same',
	worse: 'Worse than going it alone'
};

export const MUTUALITY_NAMES: Record<1 | 2 | 3 | 4 | 5, string> = {
	1: 'One-sided',
	2: 'Mostly one-sided',
	3: 'Somewhat mutual',
	4: 'Mostly mutual',
	5: 'Fully mutual'
};

/** ISO weekdays: 1 is Monday, 7 is Sunday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const WEEKDAY_NAMES: Record<Weekday, string> = {
	1: 'Monday',
	2: 'Tuesday',
	3: 'Wednesday',
	4: 'Thursday',
	5: 'Friday',
	6: 'Saturday',
	7: 'Sunday'
};

/** A client has at most this many open actions: few enough to actually do. */
export const MAX_OPEN_ACTIONS = 3;
export const WHAT_MAX = 280;
export const HAPPENED_MAX = 5000;
export const NOTE_MAX = 2000;
export const NAME_MAX = 100;
