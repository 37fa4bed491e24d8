/**
 * Runs `midpoint instrument …` straight from a shell, e.g.
 *   node src/lib/server/cli/instrument-main.ts score responses.csv
 * bin/midpoint can call runInstrumentCommand the same way.
 */
import { readFile } from 'node:fs/promises';
import { runInstrumentCommand } from './instrument-command.ts';

process.exitCode = await runInstrumentCommand(process.argv.slice(2), {
	stdout: (text) => void process.stdout.write(text),
	stderr: (text) => void process.stderr.write(text),
	readFile: (path) => readFile(path, 'utf8')
});
