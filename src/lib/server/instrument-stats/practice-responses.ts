import { INSTRUMENT_VERSION, ITEMS_PER_CELL } from '../../content/instrument/codes.ts';
import { CANONICAL_ITEM_IDS, CELL_COUNT } from '../../domain/scoring/item-layout.ts';
import type { Answers } from '../../domain/scoring/read-answers.ts';
import { MIN_ANSWERED_PER_CELL } from '../../domain/scoring/score-assessment.ts';
import type { AppContext } from '../context.ts';
import { listPracticeResults, type PracticeResultRow } from './repository.ts';

/** The answers the statistics and the export are computed from, and what was left out. */
export type PracticeResponses = {
	/** One entry per person, in an order that says nothing about who they are. */
	answers: Answers[];
	/** The counted results' ids, in the same order: only for knowing when cached figures are stale. */
	ids: string[];
	/** People whose latest result raised a quality flag. */
	leftOutFlagged: number;
	/** People whose latest result has no part with enough answers to score. */
	leftOutUnscorable: number;
};

function scorable(answers: Answers): boolean {
	for (let cell = 0; cell < CELL_COUNT; cell++) {
		let answered = 0;
		for (let item = 0; item < ITEMS_PER_CELL; item++) {
			const value = answers[CANONICAL_ITEM_IDS[cell * ITEMS_PER_CELL + item]!];
			if (value !== undefined && value !== null) answered++;
		}
		if (answered >= MIN_ANSWERED_PER_CELL) return true;
	}
	return false;
}

/**
 * The practice's data for J10, shared by the page and the CSV so both always agree. Callers check
 * `practice.instrument.read` first.
 * - Each client counts once, with their latest finished result: a retake is the same person
 *   again, and counting both would make the items look more consistent than they are.
 * - Only results of the current instrument version: an earlier version's items are not the same.
 * - A latest result with a quality flag is left out (as it is from norms) and counted; so is one
 *   with no part answered enough to score, which the CLI would refuse as a responses file.
 */
export async function loadPracticeResponses(
	ctx: Pick<AppContext, 'db'>,
	practiceId: string
): Promise<PracticeResponses> {
	const rows = await listPracticeResults(ctx.db, practiceId, INSTRUMENT_VERSION);
	const latest = new Map<string, PracticeResultRow>();
	for (const row of rows) latest.set(row.user_id, row); // rows come oldest first per person
	const kept: { id: string; answers: Answers }[] = [];
	let leftOutFlagged = 0;
	let leftOutUnscorable = 0;
	for (const row of latest.values()) {
		if (row.flagged_at !== null) {
			leftOutFlagged++;
			continue;
		}
		const answers = JSON.parse(row.answers) as Answers;
		if (scorable(answers)) kept.push({ id: row.assessment_id, answers });
		else leftOutUnscorable++;
	}
	// Random assessment ids give a stable order unrelated to names, joining or finishing times.
	kept.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	return {
		answers: kept.map((row) => row.answers),
		ids: kept.map((row) => row.id),
		leftOutFlagged,
		leftOutUnscorable
	};
}
