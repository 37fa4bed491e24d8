import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';

export interface RunningServer {
	url: string;
	dataDir: string;
	logs: () => string;
	/** Runs `midpoint …` against the same data folder. */
	cli: (...args: string[]) => { status: number | null; stdout: string; stderr: string };
	/** Reads the server's SQLite database, for state no page shows (the email queue). */
	query: <Row>(sql: string, ...params: unknown[]) => Row[];
	stop: () => Promise<void>;
	/** Ends the process at once, as a power cut would: no shutdown, the data folder kept. */
	kill: () => Promise<void>;
}

export async function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const srv = net.createServer();
		srv.listen(0, '127.0.0.1', () => {
			const a = srv.address();
			srv.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
		});
	});
}

/**
 * Starts the built app (`midpoint serve`, as `npm start` does) on a fresh SQLite file.
 * `origin` lets a test pose as an https deployment behind a proxy.
 */
export async function startServer(
	options: {
		env?: Record<string, string>;
		origin?: (port: number) => string;
		/** Start on this data folder (a restart) instead of a fresh one; `stop` then keeps it. */
		dataDir?: string;
		/** Listen on this port (a restart where clients keep their address). */
		port?: number;
	} = {}
): Promise<RunningServer> {
	if (!fs.existsSync('build/index.js'))
		throw new Error('Build the app first: npm run build (npm test does).');
	const port = options.port ?? (await freePort());
	const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'midpoint-e2e-'));
	const url = `http://localhost:${port}`;
	const env = {
		...process.env,
		NODE_ENV: 'production',
		MIDPOINT_DEMO: 'on',
		DATA_DIR: dataDir,
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: options.origin?.(port) ?? url,
		MIDPOINT_JOBS_POLL_MS: '200',
		MIDPOINT_REMINDER_SCAN_MS: '300',
		LOG_LEVEL: 'info',
		DATABASE_URL: '',
		...options.env
	};
	let output = '';
	const child: ChildProcess = spawn(process.execPath, ['bin/midpoint', 'serve'], {
		env,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout!.on('data', (d) => (output += d));
	child.stderr!.on('data', (d) => (output += d));
	const deadline = Date.now() + 20_000;
	for (;;) {
		try {
			const res = await fetch(`http://127.0.0.1:${port}/healthz`);
			if (res.ok) break;
		} catch {
			// not listening yet
		}
		if (child.exitCode !== null || Date.now() > deadline)
			throw new Error(`The server did not start:\n${output}`);
		await new Promise((r) => setTimeout(r, 100));
	}
	return {
		url,
		dataDir,
		logs: () => output,
		cli: (...args) => {
			const r = spawnSync(process.execPath, ['bin/midpoint', ...args], {
				env: { ...env, LOG_LEVEL: 'warn' },
				encoding: 'utf8'
			});
			return { status: r.status, stdout: r.stdout, stderr: r.stderr };
		},
		query: <Row>(sql: string, ...params: unknown[]) => {
			const db = new SQLite(path.join(dataDir, 'midpoint.db'), { readonly: true });
			try {
				return db.prepare(sql).all(...params) as Row[];
			} finally {
				db.close();
			}
		},
		async stop() {
			// A process already gone (ended, or killed by a test) has no exit left to wait for.
			if (child.exitCode === null && child.signalCode === null) {
				const exited = new Promise((r) => child.once('exit', r));
				child.kill('SIGTERM');
				await exited;
			}
			if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
		},
		async kill() {
			if (child.exitCode !== null || child.signalCode !== null) return;
			const exited = new Promise((r) => child.once('exit', r));
			child.kill('SIGKILL');
			await exited;
		}
	};
}
