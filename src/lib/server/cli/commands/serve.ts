import { serve, serveHelp } from '../../../../../bin/serve.js';
import type { Command } from './command.ts';

export const serveCommand: Command = {
	name: 'serve',
	summary: 'start the web app (default http://localhost:3000)',
	help: serveHelp,
	run: (args, io) => serve(args, io)
};
