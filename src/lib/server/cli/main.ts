import { ConfigError } from '../config.ts';
import { backupCommand } from './commands/backup.ts';
import type { Command } from './commands/command.ts';
import { createUserCommand } from './commands/create-user.ts';
import { demoCommand } from './commands/demo.ts';
import { migrateCommand } from './commands/migrate.ts';
import { restoreCommand } from './commands/restore.ts';
import { serveCommand } from './commands/serve.ts';
import { instrumentCommand } from './commands/instrument.ts';
import { jobsCommand } from './commands/jobs.ts';
import { UsageError, type CliIo } from './io.ts';

const commands: Command[] = [
	serveCommand,
	migrateCommand,
	demoCommand,
	createUserCommand,
	backupCommand,
	restoreCommand,
	instrumentCommand,
	jobsCommand
];

export function overview(): string {
	const width = Math.max(...commands.map((c) => c.name.length));
	return `Midpoint: the command line.

Usage: midpoint COMMAND [options]    (midpoint COMMAND --help for details)

Commands:
${commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Configuration comes from the environment: DATABASE_URL (PostgreSQL; SQLite in ./data when unset),
DATA_DIR, SMTP_URL, MAIL_FROM, ORIGIN, LOG_LEVEL. See README.md.`;
}

/** Runs one command and returns the exit code: 0 ok, 1 failed, 2 called wrongly. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
	const [name, ...args] = argv;
	if (!name || name === '--help' || name === '-h' || name === 'help') {
		io.stdout(overview());
		return name ? 0 : 2;
	}
	const command = commands.find((c) => c.name === name);
	if (!command) {
		io.stderr(`Unknown command "${name}".\n\n${overview()}`);
		return 2;
	}
	try {
		return await command.run(args, io);
	} catch (err) {
		if (err instanceof UsageError) {
			io.stderr(`midpoint ${name}: ${err.message}\n\n${command.help}`);
			return 2;
		}
		if (err instanceof ConfigError) {
			io.stderr(err.message);
			return 1;
		}
		io.stderr(`midpoint ${name} failed: ${err instanceof Error ? err.message : String(err)}`);
		return 1;
	}
}
