import { instrumentItems } from '../../content/instrument/instrument.ts';
import { csvLine } from '../../domain/csv/csv.ts';
import { defaultNormsSource, deriveDefaultNorms } from '../../domain/scoring/derive-norms.ts';
import { changeCsv } from './instrument-change.ts';
import { reliabilityCsv, scoresCsv } from './instrument-reports.ts';
import { validateReport } from './instrument-validate.ts';

export type CommandIo = {
	stdout: (text: string) => void;
	stderr: (text: string) => void;
	readFile: (path: string) => Promise<string>;
	/** The Rscript executable for `validate` (default: Rscript on the PATH). */
	rscript?: string;
};

const EXIT_OK = 0;
const EXIT_BAD_INPUT = 1;
const EXIT_USAGE = 2;
/** Two files that are each fine but do not go together: a wrong pair, like a wrong call. */
const EXIT_MISMATCH = 2;

const help = {
	instrument: `Usage: midpoint instrument <command> [options]

Work with the Continuum Assessment (instrument v1) from the command line.

Commands:
  items                 print every item as CSV: id,domain,scale,reversed,text
  score FILE.csv        score each respondent in a responses file
  reliability FILE.csv  Cronbach's alpha for each of the nine cells
  change BEFORE.csv AFTER.csv
                        reliable change per person between two sittings
  validate FILE.csv     the nine-factor structure checked with R's lavaan
  norms                 print the simulation-derived default norms (TypeScript source)

Run "midpoint instrument <command> --help" for details.
`,
	items: `Usage: midpoint instrument items

Prints the 54 scored items as CSV with the columns id,domain,scale,reversed,text.
"reversed" is true for item 6 of each cell, which is scored as 6 minus the answer.
`,
	score: `Usage: midpoint instrument score FILE.csv

FILE.csv has a "respondent" column and one column per item id (FAM_DEP_1 … TEAM_MUT_6),
holding raw answers 1–5, empty when skipped. ATTN_1 is optional; when the column is there,
a blank or wrong answer to it is flagged.

Prints CSV: respondent,P_FAM,P_FRI,P_TEAM,P,B_FAM,B_FRI,B_TEAM,B,flags
Positions run from -100 (independent) to +100 (dependent); balances from 0 to 100. Numbers
have 2 decimals and are empty when a part could not be scored; flags are joined with ";".
`,
	reliability: `Usage: midpoint instrument reliability FILE.csv

Reads a responses file (see "midpoint instrument score --help") and prints CSV cell,n,alpha
for the nine cells FAM_DEP … TEAM_MUT: Cronbach's alpha over the people who answered all six
items of the cell (item 6 rekeyed first), with 10 decimals. Alpha is empty below 2 people.
`,
	change: `Usage: midpoint instrument change BEFORE.csv AFTER.csv [--matched-only]

Scores both responses files (see "midpoint instrument score --help") with the app's default
norms and pairs people by the "respondent" column. Prints CSV:
  respondent,P_before,P_after,difference,SEM_before,SEM_after,RCI,verdict
RCI = difference / sqrt(SEM_before^2 + SEM_after^2). The verdict is the one the app shows:
  reliable      |RCI| > 1.96   ("a real change")
  likely        |RCI| > 1.645  ("probably a real change")
  within-noise  otherwise      ("within the noise")
  not-scored    a sitting has no overall position
Both files must have the same item columns, and each respondent must appear once in each file.
--matched-only compares just the people present in both files instead of refusing the pair.
Exit codes: 0 done, 1 a file cannot be read or has bad rows, 2 the two files do not pair up.
`,
	validate: `Usage: midpoint instrument validate FILE.csv

Fits the confirmatory factor model of the assessment to a responses file (see "midpoint
instrument score --help"): nine correlated factors, one per cell (three domains x three
scales), each measured by its six items, item 6 rekeyed. Uses R with the lavaan package
(Debian: apt-get install r-base-core r-cran-lavaan), maximum likelihood.
Usable rows have all 54 items answered and no quality flag; at least 200 are needed, and no
item may have the same answer in every usable row.
Prints CFI, TLI, RMSEA (with its 90% interval), SRMR and chi-square, then per cell Cronbach's
alpha, McDonald's omega (from the fitted loadings) and the six item-total correlations.
Exit codes: 0 done, 1 the file cannot be used or R/lavaan is missing, 2 called wrongly.
`,
	norms: `Usage: midpoint instrument norms

Runs the seeded simulation behind the default norms and prints the TypeScript source of
src/lib/domain/scoring/default-norms.ts, so the file can be regenerated.
`
} as const;

type Subcommand = keyof typeof help;
const operandCount: Record<Subcommand, number> = {
	instrument: 0,
	items: 0,
	norms: 0,
	score: 1,
	reliability: 1,
	change: 2,
	validate: 1
};

function itemsCsv(): string {
	let text = csvLine(['id', 'domain', 'scale', 'reversed', 'text']);
	for (const item of instrumentItems) {
		text += csvLine([item.id, item.domain, item.scale, String(item.reversed), item.text]);
	}
	return text;
}

async function readInput(path: string | undefined, io: CommandIo): Promise<string | null> {
	if (!path) {
		io.stderr('Give the responses file to read, e.g. "midpoint instrument score responses.csv".\n');
		return null;
	}
	try {
		return await io.readFile(path);
	} catch (error) {
		const code = (error as { code?: string }).code;
		const reason =
			code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : String(error);
		io.stderr(`Cannot read ${path}: ${reason}.\n`);
		return null;
	}
}

function refuse(path: string, errors: string[], io: CommandIo): number {
	io.stderr(`${path} cannot be used:\n${errors.map((line) => `  ${line}\n`).join('')}`);
	return EXIT_BAD_INPUT;
}

async function runChange(operands: string[], matchedOnly: boolean, io: CommandIo): Promise<number> {
	const [beforePath, afterPath] = operands;
	if (!beforePath || !afterPath) {
		io.stderr(`Give two responses files, the earlier sitting first.\n\n${help.change}`);
		return EXIT_USAGE;
	}
	const before = await readInput(beforePath, io);
	const after = before === null ? null : await readInput(afterPath, io);
	if (before === null || after === null) return EXIT_BAD_INPUT;
	const report = changeCsv(
		{ label: beforePath, text: before },
		{ label: afterPath, text: after },
		matchedOnly
	);
	if (!report.ok) {
		io.stderr(
			`Cannot compare the two sittings:\n${report.errors.map((line) => `  ${line}\n`).join('')}`
		);
		return report.pairing ? EXIT_MISMATCH : EXIT_BAD_INPUT;
	}
	io.stdout(report.csv);
	if (report.note) io.stderr(report.note);
	return EXIT_OK;
}

/**
 * `midpoint instrument …`: returns the exit code (0 done, 1 bad input, 2 bad usage or two
 * files that do not pair up). Output is
 * built in full before it is printed, so a bad row leaves stdout empty.
 */
export async function runInstrumentCommand(args: string[], io: CommandIo): Promise<number> {
	const [command, ...rest] = args;
	if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
		(command === undefined ? io.stderr : io.stdout)(help.instrument);
		return command === undefined ? EXIT_USAGE : EXIT_OK;
	}
	if (!(command in help) || command === 'instrument') {
		io.stderr(`Unknown command "${command}".\n\n${help.instrument}`);
		return EXIT_USAGE;
	}
	const subcommand = command as Subcommand;
	if (rest.includes('--help') || rest.includes('-h')) {
		io.stdout(help[subcommand]);
		return EXIT_OK;
	}
	const allowed = subcommand === 'change' ? ['--matched-only'] : [];
	const options = rest.filter((arg) => arg.startsWith('-') && !allowed.includes(arg));
	const operands = rest.filter((arg) => !arg.startsWith('-'));
	const expected = operandCount[subcommand];
	if (options.length > 0 || operands.length > expected) {
		const extra = [...options, ...operands.slice(expected)].join(' ');
		io.stderr(`Unexpected argument: ${extra}\n\n${help[subcommand]}`);
		return EXIT_USAGE;
	}
	if (subcommand === 'change') return runChange(operands, rest.includes('--matched-only'), io);
	if (subcommand === 'items') {
		io.stdout(itemsCsv());
		return EXIT_OK;
	}
	if (subcommand === 'norms') {
		io.stdout(defaultNormsSource(deriveDefaultNorms()));
		return EXIT_OK;
	}
	const text = await readInput(operands[0], io);
	if (text === null) return operands[0] ? EXIT_BAD_INPUT : EXIT_USAGE;
	if (subcommand === 'validate') {
		const report = await validateReport(text, { rscript: io.rscript });
		if (report.ok) io.stdout(report.text);
		else if (report.r) io.stderr(`midpoint instrument validate needs R: ${report.errors[0]}\n`);
		else return refuse(operands[0]!, report.errors, io);
		return report.ok ? EXIT_OK : EXIT_BAD_INPUT;
	}
	const report = subcommand === 'score' ? scoresCsv(text) : reliabilityCsv(text);
	if (!report.ok) return refuse(operands[0]!, report.errors, io);
	io.stdout(report.csv);
	return EXIT_OK;
}
