// Long-history benchmark: the pages of a client with two years of history (bench/two-years.ts:
// 208 journal entries, 208 closed actions with report-backs, 52 replies, 8 results), as the client
// and as their coach, under 25 connections beside an empty SvelteKit page in the same run. It
// shows whether a page's cost grows with the weeks a person has used Midpoint.
// Run by hand after npm run build: node bench/long-history.ts (BENCH_SECONDS sets each load).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
	firstLink,
	freePort,
	load,
	printTable,
	signIn,
	startProcess,
	waitFor,
	type Result
} from './lib.ts';
import {
	seedTwoYears,
	TWO_YEARS_CLIENT,
	TWO_YEARS_COACH,
	TWO_YEARS_PASSWORD
} from './two-years.ts';

if (!fs.existsSync('build/index.js') || !fs.existsSync('bench/empty-kit/build/index.js')) {
	console.error('Build first: npm run build, then npm run bench once (it builds the empty page).');
	process.exit(1);
}
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'midpoint-long-history-'));
const seeded = await seedTwoYears({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
await seeded.handle.close();

const kitPort = await freePort();
const kit = startProcess([path.resolve('bench/empty-kit/build/index.js')], {
	PORT: String(kitPort),
	HOST: '127.0.0.1'
});
const port = await freePort();
const app = startProcess(
	['--max-semi-space-size=8', '--max-old-space-size=160', 'bin/midpoint', 'serve'],
	{
		DATA_DIR: dataDir,
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: `http://127.0.0.1:${port}`,
		NODE_ENV: 'production'
	}
);
const base = `http://127.0.0.1:${port}`;
try {
	await Promise.all([
		waitFor(`http://127.0.0.1:${kitPort}/`, kit),
		waitFor(`${base}/healthz`, app)
	]);
	const client = await signIn(base, TWO_YEARS_CLIENT, TWO_YEARS_PASSWORD);
	const coach = await signIn(base, TWO_YEARS_COACH, TWO_YEARS_PASSWORD);
	const practice = await firstLink(base, '/home', coach, /\/practices\/[0-9a-f-]{36}/);
	const clientPage = await firstLink(
		base,
		practice,
		coach,
		/\/practices\/[0-9a-f-]{36}\/clients\/[0-9a-f-]{36}/
	);
	const pages: [string, string, string][] = [
		['client home', '/home', client],
		['client journal', '/journal', client],
		['client actions', '/actions', client],
		['client trail (history)', '/assessment/history', client],
		["coach's client page", clientPage, coach]
	];
	const framework = await load(
		'empty SvelteKit page',
		`http://127.0.0.1:${kitPort}/`,
		{},
		seconds,
		kit.pid
	);
	const results: Result[] = [framework];
	for (const [name, at, cookie] of pages)
		results.push(await load(`Midpoint ${name}`, `${base}${at}`, { cookie }, seconds, app.pid));
	printTable(results, framework, framework);
	console.log('\nHTML each page sends (two years of history):');
	for (const [name, at, cookie] of pages) {
		const html = await (await fetch(`${base}${at}`, { headers: { cookie } })).text();
		console.log(`  ${name.padEnd(28)}${(html.length / 1024).toFixed(0).padStart(6)} KB`);
	}
} finally {
	for (const child of [kit, app]) child.kill('SIGTERM');
	await new Promise((r) => setTimeout(r, 300));
	fs.rmSync(dataDir, { recursive: true, force: true });
}
