import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError, type CliIo } from '../io.ts';

export interface Command {
	name: string;
	summary: string;
	help: string;
	run(args: string[], io: CliIo): Promise<number>;
}

/** node:util parseArgs, with its errors turned into a usage message that names the problem. */
export function parseCommandArgs(args: string[], options: ParseArgsConfig['options'], allowPositionals = false) {
	try {
		return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals, strict: true });
	} catch (err) {
		const message = err instanceof Error ? err.message.replace(/\. To specify a positional.*$/s, '.') : String(err);
		throw new UsageError(message);
	}
}
