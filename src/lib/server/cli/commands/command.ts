import { UsageError, type CliIo } from '../io.ts';

export interface Command {
	name: string;
	help: string;
	run(args: string[], io: CliIo): Promise<number>;
}

/** The --help / -h option every command takes. */
export const helpOption = { type: 'boolean', short: 'h' } as const;

/** Runs node:util parseArgs, turning its errors into a usage message that names the problem. */
export function parseCommandArgs<T>(parse: () => T): T {
	try {
		return parse();
	} catch (err) {
		const message =
			err instanceof Error
				? err.message.replace(/\. To specify a positional.*$/s, '.')
				: String(err);
		throw new UsageError(message);
	}
}
