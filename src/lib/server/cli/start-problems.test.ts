import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './main.ts';
import type { CliIo } from './io.ts';

// What `midpoint serve` and the commands say when they cannot start: a bad setting, a port in
// use, a host that is not this computer, a database that cannot be reached. The commands
// themselves are cli.test.ts.
let dir: string;
let err: string[];

function io(env: Record<string, string> = {}): CliIo {
	return {
		stdout: () => {},
		stderr: (t) => err.push(t),
		readStdin: async () => '',
		env: { DATA_DIR: dir, LOG_LEVEL: 'silent', ...env }
	};
}
const run = (...argv: string[]) => runCli(argv, io());

beforeEach(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midpoint-start-'));
	err = [];
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('midpoint when it cannot start', () => {
	it('refuses a bad port before starting anything', async () => {
		expect(await run('serve', '--port', 'eighty')).toBe(2);
		expect(err.join('\n')).toContain('--port must be a whole number from 1 to 65535, not "eighty"');
	});

	it('names a bad PORT and a bad ORIGIN together, by the names the operator used', async () => {
		const env = { PORT: '99999', ORIGIN: 'coach.example.com' };
		expect(await runCli(['serve'], io(env))).toBe(2);
		const said = err.join('\n');
		expect(said).toContain('PORT must be a whole number from 1 to 65535, not "99999"');
		expect(said).not.toContain('--port');
		expect(said).toContain('ORIGIN must be a full http:// or https:// address');
	});

	it('says in words that the port is taken, or that HOST is not this computer', async () => {
		const taken = net.createServer();
		await new Promise<void>((done) => taken.listen({ host: '127.0.0.1', port: 0 }, done));
		const { port } = taken.address() as net.AddressInfo;
		try {
			expect(await runCli(['serve', '--port', String(port)], io({}))).toBe(2);
			expect(err.join('\n')).toContain(`Port ${port} is already in use on 127.0.0.1`);
		} finally {
			taken.close();
		}
		expect(await runCli(['serve'], io({ HOST: '192.0.2.1' }))).toBe(2);
		expect(err.join('\n')).toContain('HOST "192.0.2.1" is not an address of this computer');
	});

	it('says in words that PostgreSQL cannot be reached, or lacks the database', async () => {
		const key = { MIDPOINT_MASTER_KEY: Buffer.alloc(32, 7).toString('base64') };
		const nobody = { ...key, DATABASE_URL: 'postgres://postgres@127.0.0.1:1/midpoint' };
		expect(await runCli(['migrate'], io(nobody))).toBe(1);
		expect(err.join('\n')).toContain('Cannot reach PostgreSQL at 127.0.0.1:1: is it running');
		expect(err.join('\n')).not.toContain('Migration');
		const server = process.env.TEST_DATABASE_URL;
		if (!server) return;
		const missing = new URL(server);
		missing.pathname = '/midpoint_not_made_yet';
		err = [];
		expect(await runCli(['migrate'], io({ ...key, DATABASE_URL: missing.href }))).toBe(1);
		expect(err.join('\n')).toContain(
			'The database "midpoint_not_made_yet" does not exist on that PostgreSQL server. Create it (createdb midpoint_not_made_yet)'
		);
	});

	it('says what is wrong with the configuration', async () => {
		expect(await runCli(['migrate'], io({ DATABASE_URL: 'mysql://nope' }))).toBe(1);
		expect(err.join('\n')).toContain('DATABASE_URL must start with postgres://');
	});
});
