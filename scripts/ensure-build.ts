// `npm start` calls this first: it builds the app when there is no build yet or the sources
// changed since the last one, so a fresh clone needs only `npm install && npm start`.
import { spawn } from 'node:child_process';
import { ensureBuild } from './build-marker.ts';

const status = await ensureBuild({
	root: process.cwd(),
	say: (text) => console.log(text),
	build: () =>
		new Promise((resolve) => {
			// Errors only: the build's timings and its hint about `npm run preview` (a script this
			// project has no use for) are noise to someone starting Midpoint.
			const child = spawn('vite', ['build', '--logLevel', 'error'], { stdio: 'inherit' });
			child.on('close', (code) => resolve(code ?? 1));
			child.on('error', () => resolve(1));
		})
});
process.exit(status);
