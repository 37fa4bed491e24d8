import {
	DOMAIN_NAMES,
	SCALE_NAMES,
	type CellCode,
	type DomainCode,
	type ScaleCode
} from '../../content/instrument/codes.ts';
import { instrumentItems } from '../../content/instrument/instrument.ts';
import { DomainError } from '../../domain/errors.ts';
import { can, type Actor } from '../../domain/policies.ts';
import { instrumentStatistics } from '../../domain/scoring/item-statistics.ts';
import type { AppContext } from '../context.ts';
import { loadPracticeResponses } from './practice-responses.ts';

/** Below this many people the numbers swing a lot from one person to the next; the page says so. */
export const FEW_RESPONDENTS = 10;

export type ItemRow = {
	id: string;
	text: string;
	/** Item 6 of each cell: worded the other way round and scored as 6 − answer. */
	reversed: boolean;
	n: number;
	mean: number | null;
	sd: number | null;
	itemTotal: number | null;
	alphaIfDeleted: number | null;
};

export type CellRow = {
	cell: CellCode;
	domain: string;
	scale: string;
	/** People who answered all six items of the cell: the base of alpha and item-total r. */
	n: number;
	alpha: number | null;
	items: ItemRow[];
};

export type InstrumentStatisticsView = {
	/** People whose latest result is counted. */
	respondents: number;
	leftOutFlagged: number;
	leftOutUnscorable: number;
	cells: CellRow[];
};

const itemsById = new Map(instrumentItems.map((item) => [item.id, item]));

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
	const cells = instrumentStatistics(responses.answers).map((cell): CellRow => {
		const [domain, scale] = cell.cell.split('_') as [DomainCode, ScaleCode];
		return {
			cell: cell.cell,
			domain: DOMAIN_NAMES[domain],
			scale: SCALE_NAMES[scale],
			n: cell.n,
			alpha: cell.alpha,
			items: cell.items.map((item) => {
				const content = itemsById.get(item.id)!;
				return { ...item, text: content.text, reversed: content.reversed };
			})
		};
	});
	return {
		respondents: responses.answers.length,
		leftOutFlagged: responses.leftOutFlagged,
		leftOutUnscorable: responses.leftOutUnscorable,
		cells
	};
}
