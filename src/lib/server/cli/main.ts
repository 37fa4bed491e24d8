import type { Command } from './commands/command.ts';
import { UsageError, type CliIo } from './io.ts';

/**
 * Every command, with what `midpoint --help` says about it. A command's module (and whatever it
 * needs: the database driver, the instrument, zod) loads only when that command runs, so a
 * command that touches no database starts about as fast as Node itself.
 */
const commands: { name: string; summary: string; load: () => Promise<Command> }[] = [
	{
		name: 'serve',
		summary: 'start the web app (default http://localhost:3000)',
		load: async () => (await import('./commands/serve.ts')).serveCommand
	},
	{
		name: 'migrate',
		summary: 'bring the database schema up to date',
		load: async () => (await import('./commands/migrate.ts')).migrateCommand
	},
	{
		name: 'demo',
		summary: 'seed a demo practice and print how to sign in',
		load: async () => (await import('./commands/demo.ts')).demoCommand
	},
	{
		name: 'create-user',
		summary: 'create a confirmed account (a coach gets a practice)',
		load: async () => (await import('./commands/create-user.ts')).createUserCommand
	},
	{
		name: 'backup',
		summary: 'copy the database (SQLite or PostgreSQL) to FILE while the app runs',
		load: async () => (await import('./commands/backup.ts')).backupCommand
	},
	{
		name: 'restore',
		summary: 'replace the database with a backup FILE',
		load: async () => (await import('./commands/restore.ts')).restoreCommand
	},
	{
		name: 'instrument',
		summary: 'the Continuum Assessment: items, scoring, reliability, change and structure from CSV',
		load: async () => (await import('./commands/instrument.ts')).instrumentCommand
	},
	// Local norms (issue 15): what the instrument page offers a practice admin.
	{
		name: 'norms',
		summary: "show, adopt or leave a practice's own norms (as its admin)",
		load: async () => (await import('./commands/norms.ts')).normsCommand
	},
	{
		name: 'jobs',
		summary: 'look for due reminders and send queued email once, then stop',
		load: async () => (await import('./commands/jobs.ts')).jobsCommand
	},
	// Keys and retention (decision 0037)
	{
		name: 'keys',
		summary:
			"rotate the master key that wraps each person's data key, show its use, copy the key store",
		load: async () => (await import('./commands/keys.ts')).keysCommand
	}
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
	const entry = commands.find((c) => c.name === name);
	if (!entry) {
		io.stderr(`Unknown command "${name}".\n\n${overview()}`);
		return 2;
	}
	let command: Command | undefined;
	try {
		command = await entry.load();
		return await command.run(args, io);
	} catch (err) {
		if (err instanceof UsageError) {
			io.stderr(`midpoint ${name}: ${err.message}\n\n${command?.help ?? ''}`);
			return 2;
		}
		// Loaded here, not at the top: config.ts brings zod, which most commands never need.
		const { ConfigError } = await import('../config.ts');
		if (err instanceof ConfigError) {
			io.stderr(err.message);
			return 1;
		}
		io.stderr(`midpoint ${name} failed: ${err instanceof Error ? err.message : String(err)}`);
		return 1;
	}
}
