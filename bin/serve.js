// `midpoint serve`, in plain JavaScript so that starting the server loads no TypeScript tooling
// (that alone costs tens of megabytes of memory). The app validates the rest of its configuration
// at start; what adapter-node reads before the app runs (PORT, HOST, ORIGIN) is checked here.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

export const serveHelp = `Usage: midpoint serve [--port N] [--host ADDRESS]

Starts the built web app. It creates and migrates the database on first start and runs the
job worker that sends email. PORT, HOST and ORIGIN may also come from the environment.
With ORIGIN unset or naming this computer, it listens on this computer only (127.0.0.1)
unless HOST says otherwise. Build first with npm run build (npm start does it for you).`;

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * @param {string[]} args
 * @param {{ stdout: (s: string) => void, stderr: (s: string) => void }} io
 * @param {Record<string, string | undefined>} [env] where PORT, HOST and ORIGIN are read
 * @returns {Promise<number>} the exit code when it does not start; otherwise it runs until stopped
 */
export async function serve(args, io, env = process.env) {
	const options = { port: env.PORT || undefined, host: env.HOST || undefined };
	/** Where each value came from, to name it in a message. */
	const from = { port: 'PORT', host: 'HOST' };
	for (let i = 0; i < args.length; i++) {
		const arg = args[i];
		if (arg === '--help' || arg === '-h') return (io.stdout(serveHelp), 0);
		if (arg === '--port' || arg === '--host') {
			const value = args[++i];
			if (value === undefined) return usage(io, `${arg} needs a value.`);
			const key = arg === '--port' ? 'port' : 'host';
			options[key] = value;
			from[key] = arg;
		} else return usage(io, `Unknown option '${arg}'.`);
	}

	// Every problem at once, so that one more try is enough.
	const problems = [];
	const port = Number(options.port ?? '3000');
	if (!/^\d+$/.test(options.port ?? '3000') || port < 1 || port > 65535)
		problems.push(`${from.port} must be a whole number from 1 to 65535, not "${options.port}".`);
	const origin = env.ORIGIN?.trim() || undefined;
	const originProblem = origin === undefined ? null : checkOrigin(origin);
	if (originProblem) problems.push(originProblem);
	if (problems.length) return refuse(io, problems);

	// Safe by default: a Midpoint whose address is this computer (the dev mailbox and the demo
	// button are on there) listens on this computer only, so nobody else can reach them.
	const localOrigin = origin === undefined || LOCAL_HOSTS.has(new URL(origin).hostname);
	const host = options.host ?? (localOrigin ? '127.0.0.1' : '0.0.0.0');
	const listenProblem = env.SOCKET_PATH ? null : await tryListen(host, port, from);
	if (listenProblem) return refuse(io, [listenProblem]);

	process.env.PORT = String(port);
	process.env.HOST = host;
	// adapter-node assumes https when ORIGIN is unset; the default install is plain http on localhost.
	process.env.ORIGIN = origin ?? `http://localhost:${port}`;
	if (!options.host && localOrigin)
		io.stdout(
			`Midpoint listens on this computer only (127.0.0.1). To let others in, set ORIGIN to the address they will use (and SMTP_URL); see the README.`
		);
	const entry = path.join(root, 'build', 'index.js');
	if (!fs.existsSync(entry)) {
		io.stderr(
			`There is no built app in ${path.join(root, 'build')}. Run npm run build first (npm start does it for you).`
		);
		return 1;
	}
	await import(pathToFileURL(entry).href);
	return new Promise(() => {}); // the server runs until it is stopped
}

/** @param {string} origin @returns {string | null} */
function checkOrigin(origin) {
	const message = `ORIGIN must be a full http:// or https:// address such as https://coach.example.com, not "${origin}".`;
	try {
		const url = new URL(origin);
		return url.protocol === 'http:' || url.protocol === 'https:' ? null : message;
	} catch {
		return message;
	}
}

/**
 * Listens for a moment where the server will, so that a port in use or a host that is not this
 * computer's is said in words rather than as a stack trace from inside the server.
 * @param {string} host @param {number} port @param {{ port: string, host: string }} from
 * @returns {Promise<string | null>}
 */
function tryListen(host, port, from) {
	return new Promise((resolve) => {
		const probe = net.createServer();
		probe.once('error', (/** @type {NodeJS.ErrnoException} */ err) => {
			const where = `${host}:${port}`;
			if (err.code === 'EADDRINUSE')
				resolve(
					`Port ${port} is already in use on ${host} (another program, perhaps another Midpoint). Choose another with ${from.port}.`
				);
			else if (err.code === 'EACCES')
				resolve(
					`This user may not listen on port ${port}. Choose one above 1023 with ${from.port}.`
				);
			else if (err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN' || err.code === 'EADDRNOTAVAIL')
				resolve(
					`${from.host} "${host}" is not an address of this computer. Use 0.0.0.0 for every address, or 127.0.0.1 for this computer only.`
				);
			else resolve(`Cannot listen on ${where}: ${err.message}`);
		});
		probe.listen({ host, port }, () => probe.close(() => resolve(null)));
	});
}

/** @param {{ stderr: (s: string) => void }} io @param {string[]} problems */
function refuse(io, problems) {
	io.stderr(`Midpoint cannot start:\n${problems.map((p) => `  ${p}`).join('\n')}`);
	return 2;
}

/** @param {{ stderr: (s: string) => void }} io @param {string} message */
function usage(io, message) {
	io.stderr(`midpoint serve: ${message}\n\n${serveHelp}`);
	return 2;
}
