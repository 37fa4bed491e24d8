import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fourSteps, practice } from '../../../../tests/factories/programs.ts';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { sendCoachDigests } from '../digest/send-coach-digests.ts';
import { openPayload } from '../jobs/sealed-payload.ts';
import { enrolClients } from './enrol.ts';
import { publishProgram } from './publish-program.ts';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

describe.each(testDialects())('program changes in the coach digest on %s', (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect); // Friday 27 November 2026, 09:00 UTC
	});
	afterEach(async () => {
		await t.dispose();
	});

	async function digestsTo(email: string): Promise<{ subject: string; text: string }[]> {
		const jobs = await t.ctx.db
			.selectFrom('jobs')
			.select('payload')
			.where('kind', '=', 'email')
			.execute();
		return jobs
			.map(
				(j) =>
					openPayload(t.ctx.masterKey, 'email', j.payload) as {
						to: string;
						subject: string;
						text: string;
					}
			)
			.filter((m) => m.to === email && m.subject.includes('digest'));
	}

	it('tells the coach once when a client moves to at risk, then to off track', async () => {
		const { p, coach, cleo } = await practice(t.ctx);
		const coleEmail = (
			await t.ctx.db
				.selectFrom('users')
				.select('email')
				.where('id', '=', coach.userId)
				.executeTakeFirstOrThrow()
		).email;
		const target = await fourSteps(t.ctx, coach, p);
		await publishProgram(t.ctx, target);
		await enrolClients(t.ctx, { ...target, clientIds: [cleo.userId], startOn: '2026-11-27' });

		t.clock.advance(2 * DAY + 23 * HOUR); // Monday 30 November, 08:00: on track, no news
		await sendCoachDigests(t.ctx);
		expect(await digestsTo(coleEmail)).toEqual([]);

		t.clock.advance(7 * DAY); // Monday 7 December: step 1 was due on the 4th
		expect(await sendCoachDigests(t.ctx)).toBeGreaterThanOrEqual(1);
		const [first] = await digestsTo(coleEmail);
		expect(first!.subject).toContain('1 program change');
		expect(first!.text).toContain('In their programs:\n• Cleo Client: now at risk in Steady steps');

		t.clock.advance(7 * DAY); // Monday 14 December: ten days late
		await sendCoachDigests(t.ctx);
		const second = (await digestsTo(coleEmail))[1];
		expect(second!.text).toContain('• Cleo Client: now off track in Steady steps');

		t.clock.advance(7 * DAY); // still off track: nothing new to tell
		await sendCoachDigests(t.ctx);
		expect(await digestsTo(coleEmail)).toHaveLength(2);
	});
});
