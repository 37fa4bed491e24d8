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
changes nothing.`,
	async run(args, io) {
		const { values } = parseCommandArgs(() =>
			parseArgs({ args, options: { help: helpOption }, allowPositionals: false, strict: true })
		);
		if (values.help) return (io.stdout(this.help), 0);
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
