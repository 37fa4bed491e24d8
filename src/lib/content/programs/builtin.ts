import { checkProgram } from '../../domain/programs/validate.ts';
import type { ProgramDocument } from '../../domain/programs/schema.ts';
import pursuing from './pursuing-interdependence.json' with { type: 'json' };

/**
 * "Pursuing interdependence": the path every self-guided client follows and the program coaches
 * copy to start their own. Checked when this module loads, so a broken file stops `vite build`
 * with the place of the problem (as the demo files do, decision 0021).
 */
function load(file: string, data: unknown): ProgramDocument {
	const checked = checkProgram(data);
	if (!checked.ok)
		throw new Error(`The program file ${file} is invalid: ${checked.path}: ${checked.message}`);
	return checked.program;
}

export const BUILT_IN_KEY = 'pursuing-interdependence';
export const BUILT_IN_PROGRAM: ProgramDocument = load('pursuing-interdependence.json', pursuing);
