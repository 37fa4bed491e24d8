// `npm start` calls this first: it builds the app when there is no build yet or the sources
// changed since the last one, so a fresh clone needs only `npm install && npm start`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const marker = path.resolve('build/.built-at');
const inputs = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json'];

function newestMtime(p: string): number {
	if (!fs.existsSync(p)) return 0;
	const stat = fs.statSync(p);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const entry of fs.readdirSync(p))
		newest = Math.max(newest, newestMtime(path.join(p, entry)));
	return newest;
}

const builtAt = fs.existsSync(marker) ? fs.statSync(marker).mtimeMs : 0;
const sourcesAt = Math.max(...inputs.map(newestMtime));
if (builtAt >= sourcesAt && fs.existsSync('build/index.js')) process.exit(0);

console.log(
	builtAt
		? 'Sources changed since the last build: building Midpoint…'
		: 'Building Midpoint for the first start…'
);
const result = spawnSync('vite', ['build', '--logLevel', 'warn'], {
	stdio: 'inherit',
	shell: false
});
if (result.status !== 0) {
	console.error('The build failed; see the messages above.');
	process.exit(result.status ?? 1);
}
fs.writeFileSync(marker, new Date().toISOString());
