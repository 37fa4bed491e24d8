import { CELLS, ITEMS_PER_CELL } from './codes.ts';

/**
 * One pass over the nine cells in which each cell differs from the one before in both
 * domain and scale, so no two neighbours share either. Cell index = domain * 3 + scale.
 * The last cell (FRI_IND) also differs from the first (FAM_DEP), so passes chain cleanly.
 */
const CELL_PASS = [0, 4, 8, 1, 5, 6, 2, 3, 7] as const;

/** Page sizes: six pages, the attention item makes the fourth page one longer. */
export const PAGE_SIZES = [9, 9, 9, 10, 9, 9] as const;
/** Where the attention item sits: the fifth line of page 4, just past the middle. */
export const ATTENTION_POSITION = 9 + 9 + 9 + 4;

/**
 * Interleaved order of the 54 scored items: six passes over the cells; in pass r the cell at
 * position c shows item ((r + c) mod 6) + 1, so every pass mixes item numbers and each
 * reversed item lands in a different spot.
 */
export function scoredItemOrder(): string[] {
	const order: string[] = [];
	for (let pass = 0; pass < ITEMS_PER_CELL; pass++) {
		CELL_PASS.forEach((cellIndex, position) => {
			const number = ((pass + position) % ITEMS_PER_CELL) + 1;
			order.push(`${CELLS[cellIndex]}_${number}`);
		});
	}
	return order;
}

/** The presented order with the attention item inserted, split into pages. */
export function presentationPages(attentionId: string): string[][] {
	const order = scoredItemOrder();
	order.splice(ATTENTION_POSITION, 0, attentionId);
	const pages: string[][] = [];
	let start = 0;
	for (const size of PAGE_SIZES) {
		pages.push(order.slice(start, start + size));
		start += size;
	}
	return pages;
}
