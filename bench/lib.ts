// Shared pieces of the benchmarks: start a server, load it with autocannon, print a table.
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

export interface Result {
	name: string;
	requestsPerSecond: number;
	p50: number;
	p99: number;
	errors: number;
	non2xx: number;
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

export async function waitFor(url: string, child: ChildProcess, timeoutMs = 20_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			if ((await fetch(url)).status < 500) return;
		} catch {
			// not yet
		}
		if (child.exitCode !== null || Date.now() > deadline) throw new Error(`${url} did not come up`);
		await new Promise((r) => setTimeout(r, 100));
	}
}

export function startProcess(
	args: string[],
	env: Record<string, string>,
	cwd?: string
): ChildProcess {
	return spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: 'ignore', cwd });
}

export async function load(
	name: string,
	url: string,
	headers: Record<string, string> = {},
	seconds = 10
): Promise<Result> {
	// A short warm-up so the JIT and caches are in the steady state being measured.
	await autocannon({ url, connections: 25, duration: 2, headers });
	const r = await autocannon({ url, connections: 25, duration: seconds, headers });
	return {
		name,
		requestsPerSecond: r.requests.average,
		p50: r.latency.p50,
		p99: r.latency.p99,
		errors: r.errors + r.timeouts,
		non2xx: r.non2xx
	};
}

export function rssMb(pid: number): number {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0);
	return Math.round(kb / 1024);
}

export function printTable(results: Result[], baseline: Result, framework: Result): void {
	const pad = (s: string | number, n: number) => String(s).padStart(n);
	console.log(
		`\n${'target'.padEnd(34)}${pad('req/s', 10)}${pad('p50 ms', 8)}${pad('p99 ms', 8)}${pad('errors', 8)}${pad('vs http', 9)}${pad('vs kit', 8)}`
	);
	for (const r of results) {
		console.log(
			`${r.name.padEnd(34)}${pad(Math.round(r.requestsPerSecond), 10)}${pad(r.p50, 8)}${pad(r.p99, 8)}${pad(r.errors + r.non2xx, 8)}` +
				`${pad((r.requestsPerSecond / baseline.requestsPerSecond).toFixed(3), 9)}${pad((r.requestsPerSecond / framework.requestsPerSecond).toFixed(2), 8)}`
		);
	}
}
