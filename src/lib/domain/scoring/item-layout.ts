import {
	ATTENTION_ITEM_ID,
	instrumentItems,
	instrumentV1,
	presentationOrder
} from '../../content/instrument/instrument.ts';
import { CELLS, ITEMS_PER_CELL } from '../../content/instrument/codes.ts';

/**
 * Index tables built once, so scoring walks typed arrays instead of looking up item records.
 * Canonical index of an item = cell index * 6 + (item number − 1); cell index = domain * 3 + scale.
 */
export const CELL_COUNT = CELLS.length;
export const SCORED_ITEM_COUNT = CELL_COUNT * ITEMS_PER_CELL;

export const CANONICAL_ITEM_IDS: readonly string[] = CELLS.flatMap((cell) =>
	Array.from({ length: ITEMS_PER_CELL }, (_, index) => `${cell}_${index + 1}`)
);

/** 1 where the canonical item is reverse-keyed. */
export const ITEM_REVERSED = new Uint8Array(SCORED_ITEM_COUNT);
for (const item of instrumentItems) {
	ITEM_REVERSED[CANONICAL_ITEM_IDS.indexOf(item.id)] = item.reversed ? 1 : 0;
}

/** Presented ids in order, and for each its canonical index (−1 for the attention item). */
export const PRESENTED_IDS: readonly string[] = presentationOrder;
export const PRESENTED_CANONICAL = Int16Array.from(PRESENTED_IDS, (id) =>
	CANONICAL_ITEM_IDS.indexOf(id)
);

export const ATTENTION_ID = ATTENTION_ITEM_ID;
export const ATTENTION_EXPECTED = instrumentV1.attentionItems[0]!.expected;
