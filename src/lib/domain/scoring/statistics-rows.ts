import type { CellCode, DomainCode } from '../../content/instrument/codes.ts';

/** The instrument page's rows, as the server hands them to the page (J10, issue 11 §8). */
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

export type RaterDomainStatistics =
	| { code: DomainCode; name: string; status: 'too-few' }
	| {
			code: DomainCode;
			name: string;
			status: 'shown';
			forms: number;
			clients: number;
			cells: CellRow[];
	  };

export interface RaterStatisticsView {
	minForms: number;
	minClients: number;
	domains: RaterDomainStatistics[];
}
