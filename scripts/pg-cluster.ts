// A throw-away PostgreSQL cluster for tests and benchmarks: a temporary folder, loopback only,
// fsync off, gone when stopped. initdb refuses to run as root, so as root it runs as `postgres`.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { findPostgresBin } from './system-deps.ts';

export interface PgCluster {
	url: string;
	stop(): void;
	/** Stops the server but keeps its data, as an operator's restart or a crash would. */
	halt(): void;
	/** Starts it again on the same data and port. */
	resume(): void;
}

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address
					? resolve(address.port)
					: reject(new Error('no port'))
			);
		});
	});
}

export async function startPgCluster(): Promise<PgCluster | undefined> {
	const bin = findPostgresBin();
	if (!bin) return undefined;
	const isRoot = process.getuid?.() === 0;
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midpoint-pg-'));
	const dataDir = path.join(dir, 'data');
	const socketDir = path.join(dir, 'socket');
	fs.mkdirSync(socketDir);
	if (isRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
	fs.chmodSync(dir, 0o755);
	const asPg = (cmd: string, args: string[]) =>
		isRoot
			? execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'pipe' })
			: execFileSync(cmd, args, { stdio: 'pipe' });

	const port = await freePort();
	asPg(path.join(bin, 'initdb'), [
		'-D',
		dataDir,
		'-U',
		'postgres',
		'--auth=trust',
		'--encoding=UTF8',
		'--locale=C.UTF-8',
		'-N'
	]);
	const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${socketDir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
	const start = () =>
		asPg(path.join(bin, 'pg_ctl'), [
			'-D',
			dataDir,
			'-o',
			options,
			'-l',
			path.join(dir, 'log'),
			'-w',
			'start'
		]);
	start();
	return {
		url: `postgres://postgres@127.0.0.1:${port}/postgres`,
		halt: () => asPg(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', 'stop']),
		resume: start,
		stop() {
			const args = ['-D', dataDir, '-m', 'immediate', 'stop'];
			if (isRoot)
				spawnSync('runuser', ['-u', 'postgres', '--', path.join(bin, 'pg_ctl'), ...args], {
					stdio: 'ignore'
				});
			else spawnSync(path.join(bin, 'pg_ctl'), args, { stdio: 'ignore' });
			fs.rmSync(dir, { recursive: true, force: true });
		}
	};
}
