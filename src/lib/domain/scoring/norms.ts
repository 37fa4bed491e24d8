/**
 * What precision needs to know about a population: for each of the nine cells (canonical order
 * FAM_DEP, FAM_IND, FAM_MUT, FRI_DEP, …, TEAM_MUT) the SD of its proportion score p, its
 * Cronbach's alpha, and the correlations between cells.
 */
export type Norms = {
	source: 'simulation' | 'practice';
	description: string;
	/** A practice's adopted norms: their row id, so a result names the norms that scored it. */
	id?: string;
	/** How many people the figures rest on (simulated people for the defaults). */
	respondents?: number;
	cellSd: readonly number[];
	cellAlpha: readonly number[];
	cellCorrelation: readonly (readonly number[])[];
};
