import type { CellCode } from '../../content/instrument/codes.ts';
import type { PrecisionRow, VerdictShift } from './local-norms.ts';

/**
 * What the practice's instrument page is given about norms and the structure check (issue 15):
 * pooled figures only. Types only, so pages and components can share them with the use-cases.
 */
export type NormsView = {
	minimum: number;
	/** Clean, complete results (each client once): what the practice's own norms would rest on. */
	clean: number;
	builtInPeople: number;
	inForce: { respondents: number; adoptedAt: string; rows: PrecisionRow[] } | null;
	/** Bands and change thresholds now, and with norms from today's data (null below the minimum). */
	preview: { builtIn: PrecisionRow[]; fromData: PrecisionRow[]; verdicts: VerdictShift } | null;
	/** Why norms from today's data cannot be adopted, in plain words; null when they can. */
	blocked: string | null;
	canAdopt: boolean;
};

/** What the instrument page shows of the structure check: pooled figures only. */
export type ValidityFigures = {
	rows: number;
	lavaan: string;
	fit: { cfi: number; tli: number; rmsea: number; srmr: number };
	cells: {
		cell: CellCode;
		label: string;
		alpha: number | null;
		omega: number | null;
		/** Lowest corrected item–total correlation of the six lines. */
		weakestItemTotal: number | null;
	}[];
};

export type ValidityView = {
	minimum: number;
	/** Clean, complete, unflagged results the check would use today. */
	usable: number;
	/** `too-few`: below the minimum; `working`: a job is on it; `failed`: it could not run. */
	status: 'too-few' | 'working' | 'done' | 'failed';
	figures: ValidityFigures | null;
	/** How many results the shown figures rest on, and when they were computed. */
	computedAt: string | null;
	message: string | null;
	/** The figures shown are from fewer or other results than today's. */
	stale: boolean;
};
