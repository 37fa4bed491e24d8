import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { buildClient, buildCoach } from '../../../../tests/factories/accounts.ts';
import { seedPracticeResults } from '../../../../tests/factories/practice-results.ts';
import type { CliIo } from './io.ts';
import { runCli } from './main.ts';

describe.each(testDialects())('midpoint norms on %s', (dialect) => {
	let t: TestContext;
	let out: string[];
	let err: string[];
	beforeEach(async () => {
		t = await createTestContext(dialect);
		out = [];
		err = [];
	});
	afterEach(async () => {
		await t.dispose();
	});
	const io = (): CliIo => ({
		stdout: (text) => out.push(text),
		stderr: (text) => err.push(text),
		readStdin: async () => '',
		env: { ...t.serverEnv, LOG_LEVEL: 'silent' }
	});
	const run = (...argv: string[]) => runCli(['norms', ...argv], io());
	const inForce = () =>
		t.ctx.db.selectFrom('practice_norms').selectAll().where('retired_at', 'is', null).execute();

	it('refuses too few results with exit 1 and a message naming the count, changing nothing', async () => {
		const coach = await buildCoach(t.ctx);
		await seedPracticeResults(t.ctx, {
			practiceId: coach.practiceId,
			coachId: coach.userId,
			count: 60,
			seed: 3,
			at: t.clock.now()
		});
		expect(await run('--practice', coach.practiceId, '--admin', coach.email, '--adopt')).toBe(1);
		expect(err.join('\n')).toMatch(
			/has \d+ clean, complete results; norms of its own need at least 200/
		);
		expect(err.join('\n')).toContain('Nothing was changed');
		expect(out).toEqual([]);
		expect(await inForce()).toEqual([]);
	});

	it('adopts and leaves norms as the admin, and refuses anyone else', async () => {
		const coach = await buildCoach(t.ctx);
		await seedPracticeResults(t.ctx, {
			practiceId: coach.practiceId,
			coachId: coach.userId,
			count: 215,
			seed: 4,
			at: t.clock.now()
		});
		const client = await buildClient(t.ctx, { coach });
		expect(await run('--practice', coach.practiceId, '--admin', client.email, '--adopt')).toBe(1);
		expect(err.join('\n')).toContain('Only the practice admin can change which norms are used.');
		expect(await inForce()).toEqual([]);

		expect(await run('--practice', coach.practiceId, '--admin', coach.email, '--adopt')).toBe(0);
		expect(out.join('\n')).toMatch(/Adopted norms from \d+ clean results/);
		expect(out.join('\n')).toContain("In force: the practice's own norms");
		expect(await inForce()).toHaveLength(1);

		out = [];
		expect(await run('--practice', coach.practiceId, '--admin', coach.email, '--built-in')).toBe(0);
		expect(out.join('\n')).toContain('In force: the built-in norms (20000 simulated people).');
		expect(await inForce()).toEqual([]);
	});

	it.each([
		[['--admin', 'a@example.com'], '--practice is required.'],
		[['--practice', 'p'], '--admin is required.'],
		[['--practice', 'p', '--admin', 'a@example.com', '--adopt', '--built-in'], 'not both'],
		[['--practice', 'p', '--admin', 'a@example.com', '--now'], "Unknown option '--now'"]
	])('refuses %j with exit 2', async (args, message) => {
		expect(await run(...args)).toBe(2);
		expect(err.join('\n')).toContain(message);
	});
});
