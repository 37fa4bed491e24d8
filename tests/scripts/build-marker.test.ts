// `npm start`'s build step, run as real processes on a throw-away folder. The build itself is a
// stand-in script (a real `vite build` takes a minute): it counts its runs and waits for the
// test's go-ahead, so the test decides when the first build ends.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	buildIsCurrent,
	buildMarkerPlugin,
	ensureBuild,
	lockPath,
	markerPath
} from '../../scripts/build-marker.ts';

let root: string;
beforeEach(() => {
	root = fs.mkdtempSync(path.join(os.tmpdir(), 'midpoint-build-'));
	fs.mkdirSync(path.join(root, 'src'));
	fs.writeFileSync(path.join(root, 'src', 'app.ts'), 'export {};\n');
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const moduleUrl = new URL('../../scripts/build-marker.ts', import.meta.url).href;

/** Starts one `npm start` build step in `root`; its stand-in build waits for the file `go`. */
function start(): { done: Promise<{ code: number | null; output: string }>; output: () => string } {
	const script = `
		import fs from 'node:fs';
		import { ensureBuild, markBuilt } from ${JSON.stringify(moduleUrl)};
		const root = ${JSON.stringify(root)};
		const status = await ensureBuild({ root, say: (t) => console.log(t), build: async () => {
			const began = new Date();
			fs.appendFileSync(root + '/builds.txt', process.pid + '\\n');
			while (!fs.existsSync(root + '/go')) await new Promise((r) => setTimeout(r, 20));
			fs.rmSync(root + '/build', { recursive: true, force: true });
			fs.mkdirSync(root + '/build');
			fs.writeFileSync(root + '/build/index.js', '');
			markBuilt(root, began);
			return 0;
		} });
		process.exit(status);`;
	const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: root });
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	const done = new Promise<{ code: number | null; output: string }>((resolve) =>
		child.on('close', (code) => resolve({ code, output }))
	);
	return { done, output: () => output };
}

const builds = () =>
	fs.existsSync(path.join(root, 'builds.txt'))
		? fs.readFileSync(path.join(root, 'builds.txt'), 'utf8').trim().split('\n').length
		: 0;

describe('npm start building the app', () => {
	it('lets a second start wait for the first one’s build instead of building too', async () => {
		const first = start();
		await expect.poll(builds, { timeout: 20_000 }).toBe(1);
		const second = start();
		await expect
			.poll(second.output, { timeout: 20_000 })
			.toContain('Another start is building Midpoint: waiting for it to finish');
		fs.writeFileSync(path.join(root, 'go'), '');

		const results = await Promise.all([first.done, second.done]);
		expect(results.map((r) => r.code)).toEqual([0, 0]);
		expect(builds()).toBe(1);
		expect(results[1].output).not.toContain('failed');
		expect(fs.existsSync(lockPath(root))).toBe(false);
	});

	it('takes over a lock left by a start that died', async () => {
		fs.writeFileSync(lockPath(root), '999999999');
		fs.writeFileSync(path.join(root, 'go'), '');
		const result = await start().done;
		expect(result.code).toBe(0);
		expect(builds()).toBe(1);
	});

	it('does not build again after `vite build` marked its own output', async () => {
		// What the plugin sees at the end of the server build, after the adapter wrote build/.
		fs.mkdirSync(path.join(root, 'build'));
		fs.writeFileSync(path.join(root, 'build', 'index.js'), '');
		const plugin = buildMarkerPlugin(root);
		plugin.configResolved({ command: 'build', build: { ssr: true } });
		plugin.closeBundle.handler();
		expect(fs.existsSync(markerPath(root))).toBe(true);

		let built = 0;
		const say: string[] = [];
		const status = await ensureBuild({
			root,
			say: (t) => say.push(t),
			build: async () => ++built
		});
		expect({ status, built, say }).toEqual({ status: 0, built: 0, say: [] });
	});

	it('builds again when a source changed after the build began', async () => {
		fs.mkdirSync(path.join(root, 'build'));
		fs.writeFileSync(path.join(root, 'build', 'index.js'), '');
		fs.writeFileSync(markerPath(root), new Date(Date.now() - 60_000).toISOString());
		expect(buildIsCurrent(root)).toBe(false);
		const say: string[] = [];
		const status = await ensureBuild({ root, say: (t) => say.push(t), build: async () => 0 });
		expect(status).toBe(0);
		expect(say).toEqual([
			'Sources changed since the last build: building Midpoint (under a minute)…'
		]);
	});
});
