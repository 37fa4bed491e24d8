// Each subcommand imports what it needs when it runs: `items` should not pay for the norms
// simulation or the scoring code, and `--help` for none of them.
import { help, operandCount, type Subcommand } from './instrument-help.ts';
import {
	EXIT_BAD_INPUT,
	EXIT_OK,
	EXIT_USAGE,
	readInput,
	refuse,
	type CommandIo
} from './instrument-io.ts';

export type { CommandIo };

/**
 * `midpoint instrument …`: returns the exit code (0 done, 1 bad input, 2 bad usage or two
 * files that do not pair up). Each subcommand loads only its own code. Output is built in full
 * before it is printed, so a bad row leaves stdout empty.
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
	if (subcommand === 'change') {
		const { runChange } = await import('./instrument-change.ts');
		return runChange(operands, rest.includes('--matched-only'), io);
	}
	if (subcommand === 'items') {
		const { itemsCsv } = await import('./instrument-items.ts');
		io.stdout(itemsCsv());
		return EXIT_OK;
	}
	if (subcommand === 'norms') {
		const { defaultNormsSource, deriveDefaultNorms } =
			await import('../../domain/scoring/derive-norms.ts');
		io.stdout(defaultNormsSource(deriveDefaultNorms()));
		return EXIT_OK;
	}
	const text = await readInput(operands[0], io);
	if (text === null) return operands[0] ? EXIT_BAD_INPUT : EXIT_USAGE;
	if (subcommand === 'validate') {
		const { runValidate } = await import('./instrument-validate.ts');
		return runValidate(operands[0]!, text, io);
	}
	const { reliabilityCsv, scoresCsv } = await import('./instrument-reports.ts');
	const report = subcommand === 'score' ? scoresCsv(text) : reliabilityCsv(text);
	if (!report.ok) return refuse(operands[0]!, report.errors, io);
	io.stdout(report.csv);
	return EXIT_OK;
}
