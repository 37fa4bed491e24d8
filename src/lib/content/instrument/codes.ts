/** The three relationship domains and three scales of the Continuum Assessment. */
export const DOMAINS = ['FAM', 'FRI', 'TEAM'] as const;
export const SCALES = ['DEP', 'IND', 'MUT'] as const;

export type DomainCode = (typeof DOMAINS)[number];
export type ScaleCode = (typeof SCALES)[number];
export type CellCode = `${DomainCode}_${ScaleCode}`;

export const INSTRUMENT_VERSION = 'v1';
export type InstrumentVersion = typeof INSTRUMENT_VERSION;

/** Items per cell; item 6 of each cell is the reverse-keyed one. */
export const ITEMS_PER_CELL = 6;
export const REVERSED_ITEM_NUMBER = 6;

/** Cells in canonical order: domain-major, then DEP, IND, MUT. Index = domain * 3 + scale. */
export const CELLS: readonly CellCode[] = DOMAINS.flatMap((domain) =>
	SCALES.map((scale): CellCode => `${domain}_${scale}`)
);

export const DOMAIN_NAMES: Record<DomainCode, string> = {
	FAM: 'Family',
	FRI: 'Friends',
	TEAM: 'Work team'
};

export const SCALE_NAMES: Record<ScaleCode, string> = {
	DEP: 'Relying on others',
	IND: 'Going it alone',
	MUT: 'Mutual reliance'
};
