import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from './io.ts';
import { runCli } from './main.ts';

let dir: string;
let out: string[];
let err: string[];

const io = (): CliIo => ({
	stdout: (t) => out.push(t),
	stderr: (t) => err.push(t),
	readStdin: async () => '',
	env: { DATA_DIR: dir, LOG_LEVEL: 'silent' }
});
const run = (...argv: string[]) => runCli(argv, io());

beforeEach(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midpoint-cli-jobs-'));
	out = [];
	err = [];
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('midpoint jobs', () => {
	it('explains itself with --help and is listed among the commands', async () => {
		expect(await run('jobs', '--help')).toBe(0);
		expect(out.join('\n')).toContain('Usage: midpoint jobs run-once');
		out = [];
		expect(await run('--help')).toBe(0);
		expect(out.join('\n')).toMatch(/jobs +look for due reminders/);
	});

	it.each([
		[[], 'Say what to do: midpoint jobs run-once'],
		[['run-twice'], 'Unknown task "run-twice"'],
		[['run-once', 'extra'], 'Unknown task "run-once extra"'],
		[['run-once', '--all'], "Unknown option '--all'"]
	])('refuses %j with exit code 2, touching no database', async (args, message) => {
		expect(await run('jobs', ...args)).toBe(2);
		expect(err.join('\n')).toContain(message);
		expect(err.join('\n')).toContain('Usage: midpoint jobs run-once');
		expect(fs.existsSync(path.join(dir, 'midpoint.db'))).toBe(false);
	});

	it('runs once on an empty database and says there was nothing to do', async () => {
		expect(await run('jobs', 'run-once')).toBe(0);
		expect(out.join('\n')).toBe('Reminders queued: 0. Digests queued: 0. Jobs run: 0.');
	});
});
