import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './main.ts';
import { findPgTool, runPgTool } from './pg-tools.ts';
import type { CliIo } from './io.ts';

let dir: string;
let out: string[];
let err: string[];
let stdin = '';

function io(env: Record<string, string> = {}): CliIo {
	return {
		stdout: (t) => out.push(t),
		stderr: (t) => err.push(t),
		readStdin: async () => stdin,
		env: { DATA_DIR: dir, LOG_LEVEL: 'silent', ...env }
	};
}
const run = (...argv: string[]) => runCli(argv, io());
const userEmails = (file = path.join(dir, 'midpoint.db')) => {
	const db = new SQLite(file, { readonly: true });
	try {
		return (db.prepare('select email from users order by email').all() as { email: string }[]).map(
			(r) => r.email
		);
	} finally {
		db.close();
	}
};

beforeEach(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midpoint-cli-'));
	out = [];
	err = [];
	stdin = '';
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('midpoint (the command line)', () => {
	it('lists its commands, and refuses an unknown one with exit code 2', async () => {
		expect(await run('--help')).toBe(0);
		expect(out.join('\n')).toMatch(/serve .*\n.*migrate/s);
		expect(await run('launch')).toBe(2);
		expect(err.join('\n')).toContain('Unknown command "launch"');
	});

	it.each(['serve', 'migrate', 'demo', 'create-user', 'backup', 'restore', 'keys'])(
		'explains %s with --help',
		async (name) => {
			expect(await run(name, '--help')).toBe(0);
			expect(out.join('\n')).toContain(`Usage: midpoint ${name}`);
		}
	);

	it('names an unknown option', async () => {
		expect(await run('migrate', '--fast')).toBe(2);
		expect(err.join('\n')).toContain("Unknown option '--fast'");
	});

	it('migrates a new database, then reports it is up to date', async () => {
		expect(await run('migrate')).toBe(0);
		expect(out.join('\n')).toContain('applied 2026-11-27-0001-foundation');
		out = [];
		expect(await run('migrate')).toBe(0);
		expect(out.join('\n')).toBe('The database is up to date.');
	});

	it('seeds the demo practice once and prints how to sign in', async () => {
		expect(await run('demo')).toBe(0);
		expect(out.join('\n')).toContain('rosa@demo.midpoint.local');
		expect(out.join('\n')).toContain('Password for every demo account: midpoint-demo-practice');
		// The coach, six clients and a self-guided person, and the eight colleagues of the demo team.
		expect(userEmails()).toHaveLength(16);
		expect(userEmails()).toContain('ana.lima@demo.midpoint.local');
		const db = new SQLite(path.join(dir, 'midpoint.db'), { readonly: true });
		const trails = db
			.prepare(
				'select count(*) as n, min(completed_at) as first from assessments where completed_at is not null'
			)
			.get() as { n: number; first: string };
		db.close();
		expect(trails.n).toBeGreaterThanOrEqual(18); // each of the six clients has a trail of 3 or more
		expect(Date.now() - new Date(trails.first).getTime()).toBeGreaterThan(180 * 24 * 3600_000);
		out = [];
		expect(await run('demo')).toBe(0);
		expect(out[0]).toBe('The demo practice already exists.');
		// The coach, six clients and a self-guided person, and the eight colleagues of the demo team.
		expect(userEmails()).toHaveLength(16);
		expect(userEmails()).toContain('ana.lima@demo.midpoint.local');
	});

	it.each<Record<string, string>>([
		{ NODE_ENV: 'production', ORIGIN: 'https://coach.example.com' },
		{ ORIGIN: 'https://coach.example.com' },
		{ NODE_ENV: 'production' }
	])('refuses the demo practice, with its published password, on a server like %o', async (env) => {
		expect(await runCli(['demo'], io(env))).toBe(1);
		expect(err.join('\n')).toContain('Set MIDPOINT_DEMO=on to add it anyway');
		// "Nothing was changed": not even a database or a key made.
		expect(fs.readdirSync(dir)).toEqual([]);
		expect(await runCli(['demo'], io({ ...env, MIDPOINT_DEMO: 'on' }))).toBe(0);
		expect(userEmails()).toHaveLength(16);
	});

	describe('create-user', () => {
		it('creates a confirmed coach with a practice, reading the password from stdin', async () => {
			stdin = 'lanterns along the harbour wall\n';
			expect(
				await run(
					'create-user',
					'--email',
					'Ann@Example.com',
					'--name',
					'Ann Lee',
					'--kind',
					'coach',
					'--practice',
					'Lee Coaching',
					'--password-stdin'
				)
			).toBe(0);
			expect(out.join('\n')).toMatch(
				/Created coach ann@example.com, admin of the practice ".+" \(its id, for midpoint norms --practice: [0-9a-f-]{36}\)/
			);
			expect(userEmails()).toEqual(['ann@example.com']);
		});

		it.each([
			[['--name', 'A', '--password', 'long enough password'], '--email is required.'],
			[
				['--email', 'nope', '--name', 'A', '--password', 'long enough password'],
				'--email must be an address'
			],
			[
				[
					'--email',
					'a@example.com',
					'--name',
					'A',
					'--kind',
					'admin',
					'--password',
					'long enough password'
				],
				'--kind must be coach or client.'
			],
			[
				['--email', 'a@example.com', '--name', 'A', '--password', 'short'],
				'Password: Use at least 12 characters'
			],
			[['--email', 'a@example.com', '--name', 'A'], 'A password is required'],
			[
				[
					'--email',
					'a@example.com',
					'--name',
					'A',
					'--kind',
					'client',
					'--practice',
					'Nope',
					'--password',
					'long enough password'
				],
				'--practice is only for a coach'
			],
			// Everything missing is named at once, not one more try at a time.
			[[], '--email is required.\n--name is required.\nA password is required']
		])('refuses %j with a clear message and creates nothing', async (args, message) => {
			expect(await run('create-user', ...args)).toBe(2);
			expect(err.join('\n')).toContain(message);
			expect(fs.existsSync(path.join(dir, 'midpoint.db'))).toBe(false);
		});

		it('refuses an address that already has an account', async () => {
			await run(
				'create-user',
				'--email',
				'b@example.com',
				'--name',
				'B',
				'--password',
				'long enough password'
			);
			expect(
				await run(
					'create-user',
					'--email',
					'B@example.com',
					'--name',
					'Other',
					'--password',
					'another long password'
				)
			).toBe(1);
			expect(err.join('\n')).toContain(
				'An account with b@example.com already exists. Nothing was changed.'
			);
		});
	});

	describe('backup and restore', () => {
		it('backs up while open, refuses to overwrite, and restores the earlier state', async () => {
			await run(
				'create-user',
				'--email',
				'first@example.com',
				'--name',
				'First',
				'--password',
				'long enough password'
			);
			const backup = path.join(dir, 'backups', 'one.db');
			expect(await run('backup', backup)).toBe(0);
			expect(fs.statSync(backup).mode & 0o777).toBe(0o600);
			expect(await run('backup', backup)).toBe(2);
			expect(err.join('\n')).toContain('already exists. Add --force');

			await run(
				'create-user',
				'--email',
				'second@example.com',
				'--name',
				'Second',
				'--password',
				'long enough password'
			);
			expect(userEmails()).toEqual(['first@example.com', 'second@example.com']);
			expect(await run('restore', backup)).toBe(0);
			expect(userEmails()).toEqual(['first@example.com']);
			const kept = fs.readdirSync(dir).find((f) => f.startsWith('midpoint.db.before-restore-'));
			expect(kept).toBeDefined();
			expect(userEmails(path.join(dir, kept!))).toEqual([
				'first@example.com',
				'second@example.com'
			]);
		});

		it('refuses a damaged file and changes nothing', async () => {
			await run(
				'create-user',
				'--email',
				'keep@example.com',
				'--name',
				'Keep',
				'--password',
				'long enough password'
			);
			const backup = path.join(dir, 'damaged.db');
			await run('backup', backup);
			const bytes = fs.readFileSync(backup);
			bytes.fill(0x41, 4096, bytes.length); // every page after the first overwritten
			fs.writeFileSync(backup, bytes);
			expect(await run('restore', backup)).toBe(1);
			expect(err.join('\n')).toMatch(
				/failed SQLite's integrity check|not a readable SQLite database/
			);
			expect(err.join('\n')).toContain('Nothing was changed.');
			expect(userEmails()).toEqual(['keep@example.com']);
		});

		it('refuses a file that is not a Midpoint database', async () => {
			const other = path.join(dir, 'other.db');
			new SQLite(other).exec('create table notes (body text)');
			expect(await run('restore', other)).toBe(1);
			expect(err.join('\n')).toContain('is an SQLite database, but not a Midpoint backup');
			expect(await run('restore', path.join(dir, 'missing.db'))).toBe(1);
			expect(err.join('\n')).toContain('missing.db does not exist.');
		});

		it('on PostgreSQL without pg_dump, says where it looked and changes nothing', () => {
			const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'midpoint-nopg-'));
			try {
				expect(findPgTool('pg_dump', empty, path.join(empty, 'none'))).toBeUndefined();
				expect(() => runPgTool('pg_dump', ['--version'], empty, path.join(empty, 'none'))).toThrow(
					'pg_dump was not found (looked in /usr/lib/postgresql/*/bin and PATH)'
				);
			} finally {
				fs.rmSync(empty, { recursive: true });
			}
		});
	});

	it('runs from a shell on the machine\u2019s older Node by handing over to Node 24', () => {
		const oldNode = ['/usr/bin/node', '/usr/local/bin/node'].find((p) => fs.existsSync(p));
		if (!oldNode) return expect(oldNode).toBeUndefined();
		const result = spawnSync(oldNode, ['bin/midpoint', 'migrate', '--help'], { encoding: 'utf8' });
		expect(result.status).toBe(0);
		expect(result.stdout).toContain('Usage: midpoint migrate');
	});
});
