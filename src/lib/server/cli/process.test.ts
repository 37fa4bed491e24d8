// The real command line, run as a person runs it: a separate process with pipes.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';

const bin = path.resolve('bin/midpoint');

/** Runs the CLI and closes its stdout before it writes, as `| head` does once it has its lines. */
function runWithReaderGone(args: string[]): Promise<{ code: number | null; stderr: string }> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
		child.stdout.destroy();
		let stderr = '';
		child.stderr.on('data', (chunk) => (stderr += chunk));
		child.on('close', (code) => resolve({ code, stderr }));
	});
}

describe('midpoint as a process', () => {
	it('stops quietly and successfully when the reader of its output goes away', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midpoint-epipe-'));
		onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
		const items = spawnSync(process.execPath, [bin, 'instrument', 'items'], { encoding: 'utf8' });
		const ids = items.stdout
			.trim()
			.split('\n')
			.slice(1)
			.map((line) => line.split(',')[0]);
		const rows = Array.from({ length: 3000 }, (_, i) => [`r${i}`, ...ids.map(() => '3')].join(','));
		const file = path.join(dir, 'responses.csv');
		fs.writeFileSync(file, [['respondent', ...ids].join(','), ...rows].join('\n') + '\n');

		for (const args of [['instrument', 'items'], ['instrument', 'score', file], ['--help']]) {
			const result = await runWithReaderGone(args);
			expect(result, args.join(' ')).toEqual({ code: 0, stderr: '' });
		}
	});

	it('loads no database, server or mail code for a command that needs none', () => {
		// A preload records every module the process resolves and prints the list when it exits.
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midpoint-loads-'));
		onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
		const recorder = path.join(dir, 'record-loads.mjs');
		const list = path.join(dir, 'loaded.txt');
		fs.writeFileSync(
			recorder,
			`import { registerHooks } from 'node:module';
			import { writeFileSync } from 'node:fs';
			const urls = [];
			registerHooks({ resolve(specifier, context, next) { const r = next(specifier, context); urls.push(r.url); return r; } });
			process.on('exit', () => writeFileSync(${JSON.stringify(list)}, urls.join('\\n')));`
		);
		const heavy = ['better-sqlite3', 'kysely', '/pg/', 'pino', 'nodemailer', 'pdfkit', '/db/'];
		for (const args of [['instrument', 'items'], ['--help'], ['migrate', '--help']]) {
			const result = spawnSync(process.execPath, ['--import', recorder, bin, ...args], {
				encoding: 'utf8'
			});
			expect(result.status, args.join(' ')).toBe(0);
			const loaded = fs.readFileSync(list, 'utf8').split('\n');
			expect(loaded.length, args.join(' ')).toBeGreaterThan(2);
			const loadedHeavy = loaded.filter((url) => heavy.some((name) => url.includes(name)));
			if (args[0] === 'migrate')
				expect(loadedHeavy, 'migrate loads its database code').not.toEqual([]);
			else expect(loadedHeavy, args.join(' ')).toEqual([]);
		}
	});
});
