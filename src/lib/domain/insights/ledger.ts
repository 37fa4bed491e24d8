import type { IsoDate } from '../actions/dates.ts';
import type { ActionKind, Outcome } from '../actions/kinds.ts';
import { lastWeeks, shortDay, weekIndex, type Week } from './calendar.ts';

/**
 * The reciprocity ledger: how often, week by week, a person leaned on others, was leaned on,
 * shared the load, or chose on their own and then told people.
 *
 * Grouping of action kinds (a decision; labels may change, codes may not):
 * - asked:    'ask-help' and 'step-back'. Both hand part of the load to someone else: asking
 *             for help openly, or letting another person carry a part and trusting them with it.
 * - offered:  'offer-help'. The person is the one relied on.
 * - together: 'together'. The load is shared on purpose: the midpoint itself.
 * - alone:    'decide-share'. Deciding on your own and then sharing it is neither asking nor
 *             offering; it is the practice for people who lean on others too much, so it gets
 *             its own row rather than being folded into one of the other three.
 *
 * Only report-backs that say the thing happened count ('done' or 'partly'); 'not yet' and skips
 * do not. Each counts in the week of the occurrence it answers (the day it was meant to happen),
 * so reporting late does not move it.
 */
export const LEDGER_GROUPS = ['asked', 'offered', 'together', 'alone'] as const;
export type LedgerGroup = (typeof LEDGER_GROUPS)[number];

export const LEDGER_GROUP_OF: Record<ActionKind, LedgerGroup> = {
	'ask-help': 'asked',
	'step-back': 'asked',
	'offer-help': 'offered',
	together: 'together',
	'decide-share': 'alone'
};

export const LEDGER_GROUP_NAMES: Record<LedgerGroup, string> = {
	asked: 'Asked or let others carry it',
	offered: 'Offered help',
	together: 'Did it together',
	alone: 'Decided alone, then shared'
};

export interface LedgerReport {
	kind: ActionKind;
	/** The occurrence answered. */
	occurrence: IsoDate;
	/** null for a skipped week. */
	outcome: Outcome | null;
}

export type LedgerCounts = Record<LedgerGroup, number>;

export interface LedgerWeek extends Week, LedgerCounts {
	label: string;
	total: number;
}

export interface Ledger {
	weeks: LedgerWeek[];
	totals: LedgerCounts;
	total: number;
	/** One sentence that reads the chart out loud. */
	reading: string;
}

export const LEDGER_WEEKS = 12;

const zero = (): LedgerCounts => ({ asked: 0, offered: 0, together: 0, alone: 0 });

export function times(n: number): string {
	return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}
function things(n: number): string {
	return n === 1 ? 'one thing' : `${n} things`;
}

/** "a, b and c" */
export function listJoin(parts: readonly string[]): string {
	if (parts.length <= 1) return parts[0] ?? '';
	return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

export function buildLedger(
	reports: readonly LedgerReport[],
	now: Date,
	weekCount = LEDGER_WEEKS
): Ledger {
	const weeks: LedgerWeek[] = lastWeeks(now, weekCount).map((w) => ({
		...w,
		label: shortDay(w.start),
		...zero(),
		total: 0
	}));
	const totals = zero();
	for (const report of reports) {
		if (report.outcome !== 'done' && report.outcome !== 'partly') continue;
		const i = weekIndex(weeks, report.occurrence);
		if (i < 0) continue;
		const group = LEDGER_GROUP_OF[report.kind];
		weeks[i]![group]++;
		weeks[i]!.total++;
		totals[group]++;
	}
	const total = totals.asked + totals.offered + totals.together + totals.alone;
	return { weeks, totals, total, reading: readLedger(totals, weekCount) };
}

function readLedger(totals: LedgerCounts, weekCount: number): string {
	const span = `Over the last ${weekCount} weeks`;
	const total = totals.asked + totals.offered + totals.together + totals.alone;
	if (total === 0)
		return `${span} you have not reported a finished action yet. When you report back on one, it shows up here.`;
	const parts = [
		`asked ${times(totals.asked)}`,
		`offered ${times(totals.offered)}`,
		`did ${things(totals.together)} together`
	];
	if (totals.alone > 0) parts.push(`decided ${things(totals.alone)} alone and then shared`);
	return `${span} you ${listJoin(parts)}.`;
}

/**
 * A short nudge from the balance of the totals: what to try next. Kept apart from the reading so
 * the reading stays a plain description.
 */
export function ledgerNextStep(totals: LedgerCounts): string {
	const total = totals.asked + totals.offered + totals.together + totals.alone;
	if (total === 0) return 'Pick one small action with someone, then report back when it is done.';
	if (totals.together === 0) return 'Next, try one thing you do together with someone.';
	if (totals.asked === 0) return 'Next, try asking someone for a hand with one small thing.';
	if (totals.offered === 0) return 'Next, try offering someone a hand with one small thing.';
	return 'Keep the mix going: ask, offer and share the load as each moment calls for.';
}
