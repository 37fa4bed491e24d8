import { DEMO_PASSWORD, seedDemo } from '../../demo/seed-demo.ts';
import { openContext } from '../open-context.ts';
import type { Command } from './command.ts';
import { helpOption, parseCommandArgs } from './command.ts';
import { parseArgs } from 'node:util';

export const demoCommand: Command = {
	name: 'demo',
	help: `Usage: midpoint demo

Creates a demo practice (Harbour Coaching) with a coach, six clients and a self-guided
client, all with the same password, and prints their sign-in details. Running it again
changes nothing. Like the demo button, it refuses a production or public server unless
MIDPOINT_DEMO=on.`,
	async run(args, io) {
		const { values } = parseCommandArgs(() =>
			parseArgs({ args, options: { help: helpOption }, allowPositionals: false, strict: true })
		);
		if (values.help) return (io.stdout(this.help), 0);
		// Its accounts share a password printed in the README: only where the demo button is on.
		// Asked of the settings alone, before any database or key is made.
		const { loadConfig } = await import('../../config.ts');
		if (!loadConfig({ LOG_LEVEL: 'warn', ...io.env }).demoEnabled) {
			io.stderr(
				'The demo practice is for a Midpoint on this computer: its accounts share a published password. ' +
					'This one is in production or has a public ORIGIN. Set MIDPOINT_DEMO=on to add it anyway (a throw-away demo server). Nothing was changed.'
			);
			return 1;
		}
		const { ctx, handle } = await openContext(io.env);
		try {
			const { created, accounts } = await seedDemo(ctx);
			io.stdout(created ? 'The demo practice is ready.' : 'The demo practice already exists.');
			io.stdout(`Password for every demo account: ${DEMO_PASSWORD}\n`);
			for (const a of accounts) io.stdout(`  ${a.email.padEnd(30)} ${a.name.padEnd(16)} ${a.role}`);
			return 0;
		} finally {
			await handle.close();
		}
	}
};
