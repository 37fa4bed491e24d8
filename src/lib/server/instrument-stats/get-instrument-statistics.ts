import {
	DOMAIN_NAMES,
	SCALE_NAMES,
	type DomainCode,
	type ScaleCode
} from '../../content/instrument/codes.ts';
import { instrumentItems } from '../../content/instrument/instrument.ts';
import type { CellRow, ItemRow } from '../../domain/scoring/statistics-rows.ts';
import { DomainError } from '../../domain/errors.ts';
import { can, type Actor } from '../../domain/policies.ts';
import { instrumentStatistics, type CellStatistics } from '../../domain/scoring/item-statistics.ts';
import type { AppContext } from '../context.ts';
import { loadPracticeResponses } from './practice-responses.ts';

/** Below this many people the numbers swing a lot from one person to the next; the page says so. */
export const FEW_RESPONDENTS = 10;

export type { CellRow, ItemRow };

export type InstrumentStatisticsView = {
	/** People whose latest result is counted. */
	respondents: number;
	leftOutFlagged: number;
	leftOutUnscorable: number;
	cells: CellRow[];
};

const itemsById = new Map(instrumentItems.map((item) => [item.id, item]));

/** A cell's statistics with its names and each item's wording (a rater's, or the self form's). */
export function toCellRow(cell: CellStatistics, wording: 'self' | 'rater' = 'self'): CellRow {
	const [domain, scale] = cell.cell.split('_') as [DomainCode, ScaleCode];
	return {
		cell: cell.cell,
		domain: DOMAIN_NAMES[domain],
		scale: SCALE_NAMES[scale],
		n: cell.n,
		alpha: cell.alpha,
		items: cell.items.map((item) => {
			const content = itemsById.get(item.id)!;
			const text = wording === 'rater' ? content.raterText : content.text;
			return { ...item, text, reversed: content.reversed };
		})
	};
}

/**
 * J10: how the Continuum Assessment behaves on the practice's own clients: per item n, mean, SD
 * and corrected item-total correlation, per cell Cronbach's alpha and alpha-if-item-deleted. For
 * the practice admin only.
 */
export async function getInstrumentStatistics(
	ctx: Pick<AppContext, 'db'>,
	input: { actor: Actor; practiceId: string }
): Promise<InstrumentStatisticsView> {
	if (!can(input.actor, 'practice.instrument.read', { practiceId: input.practiceId })) {
		throw new DomainError('forbidden', 'Only the practice admin can see these statistics.');
	}
	const responses = await loadPracticeResponses(ctx, input.practiceId);
	const cells = instrumentStatistics(responses.answers).map((cell) => toCellRow(cell));
	return {
		respondents: responses.answers.length,
		leftOutFlagged: responses.leftOutFlagged,
		leftOutUnscorable: responses.leftOutUnscorable,
		cells
	};
}
