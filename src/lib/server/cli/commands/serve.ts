import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../../config.ts';
import { UsageError } from '../io.ts';
import type { Command } from './command.ts';
import { helpOption, parseCommandArgs } from './command.ts';
import { parseArgs } from 'node:util';

export const serveCommand: Command = {
	name: 'serve',
	summary: 'start the web app (default http://localhost:3000)',
	help: `Usage: midpoint serve [--port N] [--host ADDRESS]

Starts the built web app. It creates and migrates the database on first start and runs the
job worker that sends email. PORT, HOST and ORIGIN may also come from the environment.
Build first with npm run build (npm start builds when needed).`,
	async run(args, io) {
		const { values } = parseCommandArgs(() =>
			parseArgs({
				args,
				options: { help: helpOption, port: { type: 'string' }, host: { type: 'string' } },
				allowPositionals: false,
				strict: true
			})
		);
		if (values.help) return (io.stdout(this.help), 0);
		if (values.port !== undefined) {
			const port = Number(values.port);
			if (!Number.isInteger(port) || port < 1 || port > 65535)
				throw new UsageError(
					`--port must be a whole number from 1 to 65535, not "${values.port}".`
				);
			process.env.PORT = String(port);
		}
		if (values.host) process.env.HOST = values.host;
		process.env.PORT ??= '3000';
		process.env.NODE_ENV ??= 'production';
		// adapter-node assumes https when ORIGIN is unset; the default install is plain http on localhost.
		process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;
		loadConfig(process.env); // fail early, with every problem listed, before the server starts
		const entry = path.resolve('build/index.js');
		if (!fs.existsSync(entry)) {
			io.stderr(
				'There is no built app in build/. Run npm run build first (npm start does it for you).'
			);
			return 1;
		}
		await import(pathToFileURL(entry).href);
		return await new Promise<number>(() => {}); // the server runs until it is stopped
	}
};
