// Page benchmark: Midpoint's landing and sign-in pages and every signed-in page a client or coach
// of the demo practice reads (months of history) under 25 connections, beside bare node:http (the
// machine's limit) and an empty SvelteKit page (the framework's ceiling), all measured in this
// run. Needs a production build: npm run build. BENCH_SECONDS sets each load's length;
// BENCH_ONLY=journal,roster measures only the signed-in pages whose names contain those words;
// BENCH_NODE_FLAGS replaces the server's node flags (e.g. --cpu-prof --cpu-prof-dir=/tmp/prof).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pageJavaScript } from './page-js.ts';
import {
	firstLink,
	freePort,
	load,
	printTable,
	rssMb,
	signIn,
	startProcess,
	waitFor,
	type Result
} from './lib.ts';

// BENCH_APP_DIR measures the app built in another folder (an earlier commit, say) beside the same
// baselines, so two versions can be compared by their ratios to the empty page.
const appDir = path.resolve(process.env.BENCH_APP_DIR ?? '.');
if (!fs.existsSync(path.join(appDir, 'build/index.js'))) {
	console.error('Build first: npm run build');
	process.exit(1);
}
const seconds = Number(process.env.BENCH_SECONDS ?? 10);

// 1. bare node:http in its own process
const bare = `import http from 'node:http';
const body = '<!doctype html><html lang="en"><title>x</title><p>hello</p></html>';
http.createServer((req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(body); }).listen(Number(process.env.PORT), '127.0.0.1');`;
const barePort = await freePort();
const bareServer = startProcess(['--input-type=module', '-e', bare], { PORT: String(barePort) });

// 2. an empty SvelteKit page, built from bench/empty-kit
const kitDir = path.resolve('bench/empty-kit');
if (!fs.existsSync(path.join(kitDir, 'build/index.js'))) {
	const built = spawnSync(path.resolve('node_modules/.bin/vite'), ['build'], {
		cwd: kitDir,
		stdio: 'inherit'
	});
	if (built.status !== 0) process.exit(1);
}
const kitPort = await freePort();
const kitServer = startProcess([path.join(kitDir, 'build/index.js')], {
	PORT: String(kitPort),
	HOST: '127.0.0.1'
});

// 3. Midpoint on a fresh SQLite database seeded with the demo practice: the pages are measured
// as its coach and one of its clients, who have months of results, entries and report-backs.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'midpoint-bench-'));
const port = await freePort();
const env = {
	DATA_DIR: dataDir,
	PORT: String(port),
	HOST: '127.0.0.1',
	ORIGIN: `http://127.0.0.1:${port}`,
	NODE_ENV: 'production'
};
// The demo command refuses production, so it seeds with the default environment.
const seeded = spawnSync(process.execPath, ['bin/midpoint', 'demo'], {
	cwd: appDir,
	env: { ...process.env, DATA_DIR: dataDir },
	encoding: 'utf8'
});
if (seeded.status !== 0) throw new Error(seeded.stderr);
const app = startProcess(
	[
		...(process.env.BENCH_NODE_FLAGS ?? '--max-semi-space-size=8 --max-old-space-size=160')
			.split(' ')
			.filter(Boolean),
		'bin/midpoint',
		'serve'
	],
	env,
	appDir
);

const base = `http://127.0.0.1:${port}`;
try {
	await Promise.all([
		waitFor(`http://127.0.0.1:${barePort}/`, bareServer),
		waitFor(`http://127.0.0.1:${kitPort}/`, kitServer),
		waitFor(`${base}/healthz`, app)
	]);
	const client = await signIn(base, 'amara@demo.midpoint.local');
	const coach = await signIn(base, 'rosa@demo.midpoint.local');
	const resultPath = await firstLink(
		base,
		'/assessment/history',
		client,
		/\/assessment\/[0-9a-f-]{36}/
	);
	const practicePath = await firstLink(base, '/home', coach, /\/practices\/[0-9a-f-]{36}/);
	const clientPath = await firstLink(
		base,
		practicePath,
		coach,
		/\/practices\/[0-9a-f-]{36}\/clients\/[0-9a-f-]{36}/
	);
	const home = await fetch(`${base}/home`, { headers: { cookie: client } });
	if (!(await home.text()).includes('Hello, Amara'))
		throw new Error('the signed-in home page did not render');

	console.log(
		`Page benchmark: 25 connections, ${seconds} s each, on ${os.cpus().length} cores (${os.cpus()[0]?.model}).`
	);
	const baseline = await load(
		'bare node:http',
		`http://127.0.0.1:${barePort}/`,
		{},
		seconds,
		bareServer.pid
	);
	const framework = await load(
		'empty SvelteKit page',
		`http://127.0.0.1:${kitPort}/`,
		{},
		seconds,
		kitServer.pid
	);
	const results: Result[] = [baseline, framework];
	results.push(await load('Midpoint / (landing)', `${base}/`, {}, seconds, app.pid));
	results.push(await load('Midpoint /login', `${base}/login`, {}, seconds, app.pid));
	const signedIn: [string, string, string][] = [
		['client home', '/home', client],
		['client result', resultPath, client],
		['client trail (history)', '/assessment/history', client],
		['client journal', '/journal', client],
		['client actions', '/actions', client],
		['coach home', '/home', coach],
		['coach roster (practice)', practicePath, coach],
		["coach's client page", clientPath, coach]
	];
	const only = process.env.BENCH_ONLY?.split(',');
	for (const [name, at, cookie] of signedIn) {
		if (only && !only.some((o) => name.includes(o))) continue;
		results.push(await load(`Midpoint ${name}`, `${base}${at}`, { cookie }, seconds, app.pid));
	}
	const rss = rssMb(app.pid!);
	printTable(results, baseline, framework);
	const pages: [string, string, string][] = [
		['landing', '/', ''],
		['sign-in', '/login', ''],
		...signedIn
	];
	console.log('\nJavaScript each page loads (gzipped; budget 40 KB):');
	for (const [name, at, cookie] of pages) {
		const html = await (await fetch(`${base}${at}`, { headers: { cookie } })).text();
		const js = pageJavaScript(html, appDir);
		console.log(
			`  ${name.padEnd(28)}${(js.gzipBytes / 1024).toFixed(1).padStart(6)} KB in ${js.files} files`
		);
	}
	console.log(`\nMidpoint server RSS after the load: ${rss} MB (budget 200 MB).`);
	console.log(
		'Budgets: every Midpoint page >= 35% of the empty SvelteKit page (and >= 1,000 req/s), p99 <= 30 ms, 0 errors.'
	);
	const misses = results
		.slice(2)
		.filter(
			(r) =>
				r.requestsPerSecond < Math.max(1000, 0.35 * framework.requestsPerSecond) ||
				r.p99 > 30 ||
				r.errors + r.non2xx > 0
		);
	console.log(
		misses.length
			? `Over budget: ${misses.map((r) => r.name).join(', ')}`
			: 'All pages within budget.'
	);
	const kitCpu = framework.cpuMsPerRequest;
	const slowByCpu = results
		.slice(2)
		.filter((r) => kitCpu && r.cpuMsPerRequest && kitCpu / r.cpuMsPerRequest < 0.35);
	console.log(
		slowByCpu.length
			? `Under 35% of the empty page by CPU time per request: ${slowByCpu.map((r) => r.name).join(', ')}`
			: 'Every page within 35% of the empty page by CPU time per request.'
	);
} finally {
	for (const child of [bareServer, kitServer, app]) child.kill('SIGTERM');
	await new Promise((r) => setTimeout(r, 300));
	fs.rmSync(dataDir, { recursive: true, force: true });
}
