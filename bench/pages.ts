// Page benchmark: Midpoint's landing, sign-in and signed-in home pages under 25 connections,
// beside bare node:http (the machine's limit) and an empty SvelteKit page (the framework's
// ceiling), all measured in this run. Needs a production build: npm run build.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { selfPages } from '../src/lib/server/assessments/get-assessment-page.ts';
import { freePort, load, printTable, rssMb, startProcess, waitFor, type Result } from './lib.ts';

if (!fs.existsSync('build/index.js')) {
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

// 3. Midpoint on a fresh SQLite database, with one client to sign in as
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'midpoint-bench-'));
const port = await freePort();
const env = {
	DATA_DIR: dataDir,
	PORT: String(port),
	HOST: '127.0.0.1',
	ORIGIN: `http://127.0.0.1:${port}`,
	NODE_ENV: 'production'
};
const created = spawnSync(
	process.execPath,
	[
		'bin/midpoint',
		'create-user',
		'--email',
		'bench@example.com',
		'--name',
		'Bench',
		'--kind',
		'client',
		'--password',
		'steady load all afternoon'
	],
	{
		env: { ...process.env, ...env },
		encoding: 'utf8'
	}
);
if (created.status !== 0) throw new Error(created.stderr);
const app = startProcess(
	[
		...(process.env.BENCH_NODE_FLAGS ?? '--max-semi-space-size=8 --max-old-space-size=160')
			.split(' ')
			.filter(Boolean),
		'bin/midpoint',
		'serve'
	],
	env
);

const base = `http://127.0.0.1:${port}`;
try {
	await Promise.all([
		waitFor(`http://127.0.0.1:${barePort}/`, bareServer),
		waitFor(`http://127.0.0.1:${kitPort}/`, kitServer),
		waitFor(`${base}/healthz`, app)
	]);
	const signIn = await fetch(`${base}/login`, {
		method: 'POST',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			origin: base,
			accept: 'text/html'
		},
		body: new URLSearchParams({
			email: 'bench@example.com',
			password: 'steady load all afternoon'
		}),
		redirect: 'manual'
	});
	const cookie = signIn.headers.getSetCookie()[0]?.split(';')[0];
	if (!cookie) throw new Error(`sign-in failed: ${signIn.status}`);
	const resultPath = await completeAssessment(base, cookie);
	const home = await fetch(`${base}/home`, { headers: { cookie } });
	if (!(await home.text()).includes('Hello, Bench'))
		throw new Error('the signed-in home page did not render');

	console.log(
		`Page benchmark: 25 connections, ${seconds} s each, on ${os.cpus().length} cores (${os.cpus()[0]?.model}).`
	);
	const baseline = await load('bare node:http', `http://127.0.0.1:${barePort}/`, {}, seconds);
	const framework = await load('empty SvelteKit page', `http://127.0.0.1:${kitPort}/`, {}, seconds);
	const results: Result[] = [baseline, framework];
	results.push(await load('Midpoint / (landing)', `${base}/`, {}, seconds));
	results.push(await load('Midpoint /login', `${base}/login`, {}, seconds));
	results.push(await load('Midpoint /home (signed in)', `${base}/home`, { cookie }, seconds));
	results.push(
		await load('Midpoint assessment result', `${base}${resultPath}`, { cookie }, seconds)
	);
	results.push(
		await load('Midpoint /assessment/history', `${base}/assessment/history`, { cookie }, seconds)
	);
	results.push(await load('Midpoint /journal', `${base}/journal`, { cookie }, seconds));
	results.push(await load('Midpoint /actions', `${base}/actions`, { cookie }, seconds));
	const rss = rssMb(app.pid!);
	printTable(results, baseline, framework);
	console.log(`\nMidpoint server RSS after the load: ${rss} MB (budget 200 MB).`);
	console.log('Budgets: every Midpoint page >= 1,000 req/s, p99 <= 50 ms, 0 errors.');
	const misses = results
		.slice(2)
		.filter((r) => r.requestsPerSecond < 1000 || r.p99 > 50 || r.errors + r.non2xx > 0);
	console.log(
		misses.length
			? `Over budget: ${misses.map((r) => r.name).join(', ')}`
			: 'All pages within budget.'
	);
} finally {
	for (const child of [bareServer, kitServer, app]) child.kill('SIGTERM');
	await new Promise((r) => setTimeout(r, 300));
	fs.rmSync(dataDir, { recursive: true, force: true });
}

/** Takes the whole assessment over HTTP, as a browser without JavaScript would; returns the result path. */
async function completeAssessment(base: string, cookie: string): Promise<string> {
	const post = async (path: string, form: Record<string, string>) => {
		const res = await fetch(base + path, {
			method: 'POST',
			headers: {
				cookie,
				origin: base,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams(form),
			redirect: 'manual'
		});
		return res.headers.get('location') ?? '';
	};
	let location = await post('/assessment?/start', {});
	for (const page of selfPages) {
		const form = Object.fromEntries(
			page.map((line, i) => [line.id, line.attention ? '4' : String((i % 5) + 1)])
		);
		location = await post(location, form);
	}
	return location.replace('?done=1', '');
}
