// `midpoint serve`, in plain JavaScript so that starting the server loads no TypeScript tooling
// (that alone costs tens of megabytes of memory). The app validates its configuration at start.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const serveHelp = `Usage: midpoint serve [--port N] [--host ADDRESS]

Starts the built web app. It creates and migrates the database on first start and runs the
job worker that sends email. PORT, HOST and ORIGIN may also come from the environment.
Build first with npm run build (npm start builds when needed).`;

/**
 * @param {string[]} args
 * @param {{ stdout: (s: string) => void, stderr: (s: string) => void }} io
 * @returns {Promise<number>} the exit code when it does not start; otherwise it runs until stopped
 */
export async function serve(args, io) {
	const options = { port: process.env.PORT ?? '3000', host: process.env.HOST };
	for (let i = 0; i < args.length; i++) {
		const arg = args[i];
		if (arg === '--help' || arg === '-h') return (io.stdout(serveHelp), 0);
		if (arg === '--port' || arg === '--host') {
			const value = args[++i];
			if (value === undefined) return usage(io, `${arg} needs a value.`);
			options[arg === '--port' ? 'port' : 'host'] = value;
		} else return usage(io, `Unknown option '${arg}'.`);
	}
	const port = Number(options.port);
	if (!Number.isInteger(port) || port < 1 || port > 65535) {
		return usage(io, `--port must be a whole number from 1 to 65535, not "${options.port}".`);
	}
	process.env.PORT = String(port);
	if (options.host) process.env.HOST = options.host;
	// adapter-node assumes https when ORIGIN is unset; the default install is plain http on localhost.
	process.env.ORIGIN ??= `http://localhost:${port}`;
	const entry = path.resolve('build/index.js');
	if (!fs.existsSync(entry)) {
		io.stderr(
			'There is no built app in build/. Run npm run build first (npm start does it for you).'
		);
		return 1;
	}
	await import(pathToFileURL(entry).href);
	return new Promise(() => {}); // the server runs until it is stopped
}

/** @param {{ stderr: (s: string) => void }} io @param {string} message */
function usage(io, message) {
	io.stderr(`midpoint serve: ${message}\n\n${serveHelp}`);
	return 2;
}
