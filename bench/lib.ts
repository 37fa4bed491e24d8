// Shared pieces of the benchmarks: start a server, load it with autocannon, print a table.
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { DEMO_PASSWORD } from '../src/lib/server/demo/seed-demo.ts';

export interface Result {
	name: string;
	requestsPerSecond: number;
	p50: number;
	p99: number;
	errors: number;
	non2xx: number;
	/** Server CPU time (user + system) per request: steadier than req/s on a shared machine. */
	cpuMsPerRequest: number | null;
}

/** CPU time a process has used so far, in ms, from /proc (Linux). */
export function cpuMs(pid: number | undefined): number | null {
	if (!pid || !fs.existsSync(`/proc/${pid}/stat`)) return null;
	const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	// utime and stime are fields 14 and 15 of the file, in clock ticks (100 a second on Linux).
	return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
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
	seconds = 10,
	serverPid?: number
): Promise<Result> {
	// A short warm-up so the JIT and caches are in the steady state being measured.
	await autocannon({ url, connections: 25, duration: 2, headers });
	const cpuBefore = cpuMs(serverPid);
	const r = await autocannon({ url, connections: 25, duration: seconds, headers });
	const cpuAfter = cpuMs(serverPid);
	return {
		cpuMsPerRequest:
			cpuBefore !== null && cpuAfter !== null && r.requests.total > 0
				? (cpuAfter - cpuBefore) / r.requests.total
				: null,
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

/**
 * "cpu ms/req" is the server's CPU time per request, and "kit/cpu" the empty page's CPU time per
 * request over this page's: what "vs kit" would read on a quiet machine where the server has a
 * core to itself. On a busy one, req/s swings with the neighbours; CPU time per request does not.
 */
export function printTable(results: Result[], baseline: Result, framework: Result): void {
	const pad = (s: string | number, n: number) => String(s).padStart(n);
	console.log(
		`\n${'target'.padEnd(34)}${pad('req/s', 10)}${pad('p50 ms', 8)}${pad('p99 ms', 8)}${pad('errors', 8)}${pad('vs http', 9)}${pad('vs kit', 8)}${pad('cpu ms/req', 12)}${pad('kit/cpu', 9)}`
	);
	for (const r of results) {
		const cpu = r.cpuMsPerRequest;
		const kitCpu = framework.cpuMsPerRequest;
		console.log(
			`${r.name.padEnd(34)}${pad(Math.round(r.requestsPerSecond), 10)}${pad(r.p50, 8)}${pad(r.p99, 8)}${pad(r.errors + r.non2xx, 8)}` +
				`${pad((r.requestsPerSecond / baseline.requestsPerSecond).toFixed(3), 9)}${pad((r.requestsPerSecond / framework.requestsPerSecond).toFixed(2), 8)}` +
				`${pad(cpu === null ? '-' : cpu.toFixed(3), 12)}${pad(cpu && kitCpu ? (kitCpu / cpu).toFixed(2) : '-', 9)}`
		);
	}
}

/** Signs in through the form, as a browser without JavaScript would; returns the session cookie. */
export async function signIn(
	base: string,
	email: string,
	password = DEMO_PASSWORD
): Promise<string> {
	const res = await fetch(`${base}/login`, {
		method: 'POST',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			origin: base,
			accept: 'text/html'
		},
		body: new URLSearchParams({ email, password }),
		redirect: 'manual'
	});
	const cookie = res.headers.getSetCookie()[0]?.split(';')[0];
	if (!cookie) throw new Error(`sign-in as ${email} failed: ${res.status}`);
	return cookie;
}

/** The first address matching `pattern` in the links of a page. */
export async function firstLink(
	base: string,
	at: string,
	cookie: string,
	pattern: RegExp
): Promise<string> {
	const html = await (await fetch(`${base}${at}`, { headers: { cookie } })).text();
	const found = new RegExp(`href="(${pattern.source})"`).exec(html)?.[1];
	if (!found) throw new Error(`no link like ${pattern} on ${at}`);
	return found;
}
