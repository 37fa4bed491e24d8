// When is a build current, and who builds it. `vite build` marks its own output (the plugin
// below), so `npm run build` then `npm start` does not build twice; a lock file holding the
// builder's pid makes a second `npm start` in the same folder wait for the first one's build
// instead of building over it.
import fs from 'node:fs';
import path from 'node:path';

const INPUTS = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json'];

export const markerPath = (root: string) => path.join(root, 'build', '.built-at');
// Outside build/: the adapter empties that folder when it starts writing.
export const lockPath = (root: string) => path.join(root, '.build.lock');

function newestMtime(p: string): number {
	if (!fs.existsSync(p)) return 0;
	const stat = fs.statSync(p);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const entry of fs.readdirSync(p))
		newest = Math.max(newest, newestMtime(path.join(p, entry)));
	return newest;
}

/** When the current build started reading the sources, or 0 when there is no complete build. */
export function builtFrom(root: string): number {
	if (!fs.existsSync(path.join(root, 'build', 'index.js'))) return 0;
	try {
		const at = Date.parse(fs.readFileSync(markerPath(root), 'utf8'));
		return Number.isNaN(at) ? 0 : at;
	} catch {
		return 0;
	}
}

export function buildIsCurrent(root: string): boolean {
	const builtAt = builtFrom(root);
	// The marker keeps whole milliseconds; file times have finer ones. A source written in the
	// same millisecond the build began was read by it.
	const newest = Math.floor(Math.max(...INPUTS.map((p) => newestMtime(path.join(root, p)))));
	return builtAt > 0 && builtAt >= newest;
}

/** Written once the adapter has written the whole build, with the time the build began. */
export function markBuilt(root: string, startedAt: Date): void {
	fs.writeFileSync(markerPath(root), startedAt.toISOString());
}

/** A Vite plugin: a finished production build marks itself as current. */
export function buildMarkerPlugin(root = process.cwd()) {
	const startedAt = new Date();
	let ssr = false;
	let building = false;
	return {
		name: 'midpoint-build-marker',
		configResolved(config: { command: string; build: { ssr?: unknown } }) {
			building = config.command === 'build';
			ssr = Boolean(config.build.ssr);
		},
		// SvelteKit's adapter also runs in the server build's closeBundle; 'post' runs after it.
		closeBundle: {
			order: 'post' as const,
			sequential: true,
			handler() {
				if (building && ssr && fs.existsSync(path.join(root, 'build', 'index.js')))
					markBuilt(root, startedAt);
			}
		}
	};
}

function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (err) {
		return (err as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Takes the build lock, clearing one left by a process that died; false when a live one holds it. */
export function tryLock(root: string): boolean {
	try {
		fs.writeFileSync(lockPath(root), String(process.pid), { flag: 'wx' });
		return true;
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
	}
	const holder = Number(fs.readFileSync(lockPath(root), 'utf8'));
	// An empty file is a lock being written this instant: treat its writer as alive.
	if (!holder || isRunning(holder)) return false;
	fs.rmSync(lockPath(root), { force: true });
	return tryLock(root);
}

export function unlock(root: string): void {
	fs.rmSync(lockPath(root), { force: true });
}

async function lockReleased(root: string): Promise<void> {
	await new Promise<void>((resolve) => {
		const check = () => {
			if (!fs.existsSync(lockPath(root))) return resolve();
			const holder = Number(fs.readFileSync(lockPath(root), 'utf8'));
			if (holder && !isRunning(holder)) return resolve();
			setTimeout(check, 200);
		};
		check();
	});
}

/** Builds when the sources are newer than the build; never beside another start's build. */
export async function ensureBuild(options: {
	root: string;
	build: () => Promise<number>;
	say: (text: string) => void;
}): Promise<number> {
	const { root, build, say } = options;
	let waited = false;
	for (;;) {
		if (buildIsCurrent(root)) return 0;
		if (tryLock(root)) break;
		if (!waited) say('Another start is building Midpoint: waiting for it to finish…');
		waited = true;
		await lockReleased(root);
	}
	try {
		if (buildIsCurrent(root)) return 0;
		say(
			builtFrom(root)
				? 'Sources changed since the last build: building Midpoint (under a minute)…'
				: 'Building Midpoint for the first start (under a minute on two cores)…'
		);
		const status = await build();
		if (status !== 0) say('The build failed; see the messages above.');
		return status;
	} finally {
		unlock(root);
	}
}
