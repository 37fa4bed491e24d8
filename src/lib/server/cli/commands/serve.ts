import { serve, serveHelp } from '../../../../../bin/serve.js';
import type { Command } from './command.ts';

export const serveCommand: Command = {
	name: 'serve',
	help: serveHelp,
	run: (args, io) => serve(args, io, io.env)
};
