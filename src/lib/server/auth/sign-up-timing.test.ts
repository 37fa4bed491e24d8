import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../tests/support/test-context.ts';
import { buildClient } from '../../../../tests/factories/accounts.ts';
import { signUp } from './sign-up.ts';

describe('sign-up timing', () => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext('sqlite');
	});
	afterEach(async () => {
		await t.dispose();
	});

	const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

	it('takes as long for an address that has an account as for a new one', async () => {
		const taken = await buildClient(t.ctx);
		let n = 0;
		const timed = async (email: string) => {
			n++;
			const start = process.cpuUsage();
			await signUp(t.ctx, {
				kind: 'client',
				name: 'Sam',
				email,
				password: 'a slow and careful sentence',
				address: `192.0.2.${n}`,
				baseUrl: 'http://localhost:3000'
			});
			const used = process.cpuUsage(start);
			return (used.user + used.system) / 1000;
		};
		await timed('warm-up@example.com');
		const known: number[] = [];
		const fresh: number[] = [];
		// Interleaved, so a busy moment on the machine falls on both sides alike.
		for (let i = 0; i < 7; i++) {
			known.push(await timed(taken.email));
			fresh.push(await timed(`new-${i}@example.com`));
		}
		// Processor time (argon2 runs on this process's worker threads), not the wall clock: other
		// work on a busy machine stretches the clock but not the work done. Hashing the password is
		// most of a sign-up's work; without it on both paths a taken address cost a third as much.
		expect(median(known) / median(fresh)).toBeGreaterThan(0.6);
		expect(median(fresh) / median(known)).toBeGreaterThan(0.6);
	});
});
