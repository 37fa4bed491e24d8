import { csvLine } from '../../domain/csv/csv.ts';
import { formatProblem, parseResponsesCsv } from '../../domain/scoring/responses-csv.ts';
import { compareSittings } from '../../domain/scoring/sittings.ts';
import { help } from './instrument-help.ts';
import {
	EXIT_BAD_INPUT,
	EXIT_MISMATCH,
	EXIT_OK,
	EXIT_USAGE,
	readInput,
	type CommandIo
} from './instrument-io.ts';
import { formatScore } from './instrument-reports.ts';

export const CHANGE_COLUMNS = [
	'respondent',
	'P_before',
	'P_after',
	'difference',
	'SEM_before',
	'SEM_after',
	'RCI',
	'verdict'
] as const;

export type ChangeReport =
	| { ok: true; csv: string; note: string | null }
	/** `pairing`: each file is fine on its own but the two do not go together. */
	| { ok: false; pairing: boolean; errors: string[] };

type Input = { label: string; text: string };

/** `instrument change`: one line per respondent present in both files. */
export function changeCsv(before: Input, after: Input, matchedOnly: boolean): ChangeReport {
	const first = parseResponsesCsv(before.text);
	const second = parseResponsesCsv(after.text);
	const errors = [
		...(first.ok ? [] : first.problems.map((p) => `${before.label}: ${formatProblem(p)}`)),
		...(second.ok ? [] : second.problems.map((p) => `${after.label}: ${formatProblem(p)}`))
	];
	if (!first.ok || !second.ok) return { ok: false, pairing: false, errors };
	const comparison = compareSittings(
		{ label: before.label, parsed: first },
		{ label: after.label, parsed: second },
		{ matchedOnly }
	);
	if (!comparison.ok) return { ok: false, pairing: true, errors: comparison.problems };
	let csv = csvLine(CHANGE_COLUMNS);
	for (const person of comparison.people) {
		const change = person.change;
		csv += csvLine([
			person.respondent,
			formatScore(person.before.position),
			formatScore(person.after.position),
			formatScore(change?.delta ?? null),
			formatScore(person.before.sem),
			formatScore(person.after.sem),
			change ? change.rci.toFixed(3).replace(/^-0\.000$/, '0.000') : '',
			change?.verdict ?? 'not-scored'
		]);
	}
	const note =
		comparison.unmatched > 0
			? `Compared ${comparison.people.length} people; ${comparison.unmatched} in only one file were left out.\n`
			: null;
	return { ok: true, csv, note };
}

/** `instrument change BEFORE.csv AFTER.csv [--matched-only]`: returns the exit code. */
export async function runChange(
	operands: string[],
	matchedOnly: boolean,
	io: CommandIo
): Promise<number> {
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
		const lines = report.errors.map((line) => `  ${line}\n`).join('');
		io.stderr(`Cannot compare the two sittings:\n${lines}`);
		return report.pairing ? EXIT_MISMATCH : EXIT_BAD_INPUT;
	}
	io.stdout(report.csv);
	if (report.note) io.stderr(report.note);
	return EXIT_OK;
}
