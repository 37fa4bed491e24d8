/**
 * What precision needs to know about a population: for each of the nine cells (canonical order
 * FAM_DEP, FAM_IND, FAM_MUT, FRI_DEP, …, TEAM_MUT) the SD of its proportion score p, its
 * Cronbach's alpha, and the correlations between cells.
 */
export type Norms = {
	source: 'simulation' | 'practice';
	description: string;
	cellSd: readonly number[];
	cellAlpha: readonly number[];
	cellCorrelation: readonly (readonly number[])[];
};
