import { parseCsv } from '../../domain/csv/csv.ts';
import { instrumentStatistics, type CellStatistics } from '../../domain/scoring/item-statistics.ts';
import {
	formatProblem,
	parseResponsesCsv,
	responsesCsv,
	type ResponseRow
} from '../../domain/scoring/responses-csv.ts';
import { validationSample } from '../../domain/scoring/validation-sample.ts';
import { CFA_LAVAAN_R } from '../r/cfa-lavaan.ts';
import { runRScript } from '../r/rscript.ts';
import { EXIT_BAD_INPUT, EXIT_OK, refuse, type CommandIo } from './instrument-io.ts';

export type ValidateReport =
	| { ok: true; text: string }
	/** `r`: the file is fine but R or lavaan could not run. */
	| { ok: false; errors: string[]; r?: boolean };

/** Conventional cut-offs (Hu & Bentler, 1999), printed beside the figures as a guide. */
const FIT_GUIDE = [
	{ key: 'cfi', label: 'CFI', guide: '>= .95' },
	{ key: 'tli', label: 'TLI', guide: '>= .95' },
	{ key: 'rmsea', label: 'RMSEA', guide: '<= .06' },
	{ key: 'srmr', label: 'SRMR', guide: '<= .08' }
] as const;

export type CfaFigures = {
	lavaan: string;
	fit: Record<string, number>;
	omega: Record<string, number>;
};

/** Reads the kind,name,value lines the lavaan script (cfa-lavaan.ts) prints. */
export function parseCfaOutput(stdout: string): CfaFigures {
	const figures: CfaFigures = { lavaan: '', fit: {}, omega: {} };
	for (const [kind, name, value] of parseCsv(stdout).slice(1)) {
		if (kind === 'version') figures.lavaan = value!;
		else if (kind === 'fit') figures.fit[name!] = Number(value);
		else if (kind === 'omega') figures.omega[name!] = Number(value);
	}
	return figures;
}

const three = (value: number | null | undefined): string =>
	value === null || value === undefined || Number.isNaN(value) ? '—' : value.toFixed(3);

export type StructureCheck =
	| { ok: true; cfa: CfaFigures; statistics: CellStatistics[] }
	| { ok: false; errors: string[]; r?: boolean };

/**
 * The nine-factor CFA from lavaan on usable rows, with alpha and item–total r (ours) per cell:
 * what both the command and the practice's instrument page report.
 */
export async function checkStructure(
	rows: readonly ResponseRow[],
	options: { rscript?: string }
): Promise<StructureCheck> {
	const r = await runRScript(CFA_LAVAAN_R, responsesCsv(rows), {
		rscript: options.rscript,
		packageName: 'lavaan'
	});
	if (!r.ok) return { ok: false, errors: [r.message], r: true };
	return {
		ok: true,
		cfa: parseCfaOutput(r.stdout),
		statistics: instrumentStatistics(rows.map((row) => row.answers))
	};
}

/**
 * `instrument validate`: the nine-factor CFA from lavaan, with alpha (ours) and omega (from the
 * CFA) per cell and the item–total correlations, as a plain-text report.
 */
export async function validateReport(
	text: string,
	options: { rscript?: string }
): Promise<ValidateReport> {
	const parsed = parseResponsesCsv(text);
	if (!parsed.ok) return { ok: false, errors: parsed.problems.map(formatProblem) };
	const sample = validationSample(parsed);
	if (!sample.ok) return { ok: false, errors: sample.problems };
	const check = await checkStructure(sample.rows, options);
	if (!check.ok) return check;
	const { cfa, statistics } = check;
	const lines = [
		'Confirmatory factor analysis: nine correlated factors (three domains x three scales),',
		'six items each, item 6 rekeyed.',
		`lavaan ${cfa.lavaan}, maximum likelihood, ${sample.rows.length} usable rows of ${sample.total} ` +
			`(left out: ${sample.incomplete} with a blank item, ${sample.flagged} with a quality flag).`,
		'',
		'Fit      value   guide',
		...FIT_GUIDE.map(
			({ key, label, guide }) => `${label.padEnd(8)} ${three(cfa.fit[key])}   ${guide}`
		),
		`RMSEA 90% interval ${three(cfa.fit['rmsea.ci.lower'])}–${three(cfa.fit['rmsea.ci.upper'])}; ` +
			`chi-square ${cfa.fit.chisq?.toFixed(1)} on ${cfa.fit.df} df`,
		'',
		'Cell      alpha  omega   item-total correlations, items 1–6 (rekeyed)',
		...statistics.map(
			(cell) =>
				`${cell.cell.padEnd(9)} ${three(cell.alpha)}  ${three(cfa.omega[cell.cell])}   ` +
				cell.items.map((item) => three(item.itemTotal)).join(' ')
		),
		''
	];
	return { ok: true, text: lines.join('\n') };
}

/** `instrument validate FILE.csv` once the file is read: returns the exit code. */
export async function runValidate(path: string, text: string, io: CommandIo): Promise<number> {
	const report = await validateReport(text, { rscript: io.rscript });
	if (report.ok) {
		io.stdout(report.text);
		return EXIT_OK;
	}
	if (!report.r) return refuse(path, report.errors, io);
	io.stderr(`midpoint instrument validate needs R: ${report.errors[0]}\n`);
	return EXIT_BAD_INPUT;
}
