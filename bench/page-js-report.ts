// The JavaScript each page loads (gzipped; budget 40 KB), for the pages a client and the coach of
// the demo practice read, without the load test: node bench/page-js-report.ts after a build.
// BENCH_APP_DIR measures the app built in another folder, as bench/pages.ts does.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { firstLink, freePort, signIn, startProcess, waitFor } from './lib.ts';
import { pageJavaScript } from './page-js.ts';

const appDir = path.resolve(process.env.BENCH_APP_DIR ?? '.');
if (!fs.existsSync(path.join(appDir, 'build/index.js'))) {
	console.error('Build first: npm run build');
	process.exit(1);
}
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'midpoint-page-js-'));
const port = await freePort();
const seeded = spawnSync(process.execPath, ['bin/midpoint', 'demo'], {
	cwd: appDir,
	env: { ...process.env, DATA_DIR: dataDir },
	encoding: 'utf8'
});
if (seeded.status !== 0) throw new Error(seeded.stderr);
const base = `http://127.0.0.1:${port}`;
const app = startProcess(
	['bin/midpoint', 'serve'],
	{
		DATA_DIR: dataDir,
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: base,
		NODE_ENV: 'production'
	},
	appDir
);
try {
	await waitFor(`${base}/healthz`, app);
	const client = await signIn(base, 'amara@demo.midpoint.local');
	const coach = await signIn(base, 'rosa@demo.midpoint.local');
	const link = (at: string, cookie: string, pattern: RegExp) =>
		firstLink(base, at, cookie, pattern);
	const uuid = '[0-9a-f-]{36}';
	const practice = await link('/home', coach, new RegExp(`/practices/${uuid}`));
	const pages: [string, string, string][] = [
		['landing', '/', ''],
		['sign-in', '/login', ''],
		['client home', '/home', client],
		[
			'result',
			await link('/assessment/history', client, new RegExp(`/assessment/${uuid}`)),
			client
		],
		['trail', '/assessment/history', client],
		['assessment', '/assessment', client],
		['journal', '/journal', client],
		['journal entry (new)', await link('/journal', client, /\/journal\/new\?[^"]+/), client],
		['journal entry', await link('/journal', client, new RegExp(`/journal/${uuid}`)), client],
		['actions', '/actions', client],
		['one action', await link('/actions', client, new RegExp(`/actions/${uuid}`)), client],
		['new action', '/actions/new', client],
		['sign-out', '/logout', client],
		['coach home', '/home', coach],
		['roster', practice, coach],
		[
			"coach's client page",
			await link(practice, coach, new RegExp(`${practice}/clients/${uuid}`)),
			coach
		]
	];
	console.log('JavaScript each page loads (gzipped; budget 40 KB):');
	for (const [name, at, cookie] of pages) {
		const html = await (
			await fetch(`${base}${at.replaceAll('&amp;', '&')}`, { headers: { cookie } })
		).text();
		const js = pageJavaScript(html, appDir);
		const kb = js.gzipBytes / 1024;
		console.log(
			`  ${name.padEnd(24)}${kb.toFixed(1).padStart(6)} KB in ${js.files} files${kb > 40 ? '  over budget' : ''}`
		);
	}
} finally {
	app.kill('SIGTERM');
	await new Promise((r) => setTimeout(r, 300));
	fs.rmSync(dataDir, { recursive: true, force: true });
}
