import type { DomainCode } from '../instrument/codes.ts';

/**
 * The demo practice's feedback rounds (issue 11): each of Rosa's clients has one round that
 * closed weeks ago, in which family had too few answers to show (the empty state) while friends
 * and the work team show; the first two clients also have a round open now. Who answered is
 * made up; their answers are simulated, so only the pooled figures mean anything.
 */
export interface DemoRound {
	/** Days back the round was opened; it closes 14 days later (an open round: in the future). */
	openedDaysAgo: number;
	/** People asked per group, and how many of them answered. */
	groups: Partial<Record<DomainCode, { asked: number; answered: number }>>;
	/** Shared with Rosa once closed. */
	shared?: boolean;
}

export const DEMO_ROUND_DAYS = 14;

export const demoClosedRound: DemoRound = {
	openedDaysAgo: 70,
	groups: {
		FAM: { asked: 3, answered: 2 },
		FRI: { asked: 4, answered: 4 },
		TEAM: { asked: 4, answered: 3 }
	}
};

export const demoOpenRound: DemoRound = {
	openedDaysAgo: 4,
	groups: {
		FAM: { asked: 3, answered: 1 },
		FRI: { asked: 3, answered: 3 },
		TEAM: { asked: 3, answered: 2 }
	}
};

/** Words some raters left, in our own voice; pooled and shuffled like any comments. */
export const demoComments = [
	'Quick to offer a hand, slower to ask for one.',
	'Lately more willing to say when something is too much.',
	'Good at pulling people together when a plan falls apart.',
	'I would like to be asked for help more often.',
	'Steady, and a good listener.'
];
