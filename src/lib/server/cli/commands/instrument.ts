import fs from 'node:fs/promises';
import { runInstrumentCommand } from '../instrument-command.ts';
import type { Command } from './command.ts';

export const instrumentCommand: Command = {
	name: 'instrument',
	help: 'Usage: midpoint instrument (items | score FILE.csv | reliability FILE.csv | change BEFORE.csv AFTER.csv | validate FILE.csv | norms) [--help]',
	async run(args, io) {
		return runInstrumentCommand(args, {
			stdout: io.stdout,
			stderr: io.stderr,
			readFile: (p) => fs.readFile(p, 'utf8'),
			rscript: io.env.RSCRIPT
		});
	}
};
