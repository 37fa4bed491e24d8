import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { buildClient, buildCoach } from '../../../../tests/factories/accounts.ts';
import { seedPracticeResults } from '../../../../tests/factories/practice-results.ts';
import { actorOf } from '../../../../tests/factories/workspace.ts';
import { runDueJobs } from '../jobs/worker.ts';
import { rPackageProblem } from '../r/rscript.ts';
import { computeValidity, VALIDITY_JOB } from './compute-validity.ts';
import { getValidityView } from './validity-view.ts';

/**
 * The structure check on the instrument page: cached, worked out by a job. The lavaan fit needs
 * R with lavaan: skipped loudly without it, unless REQUIRE_R=1 (CI) turns the skip into a failure.
 */
const required = process.env.REQUIRE_R === '1';
const problem = rPackageProblem('lavaan', process.env.RSCRIPT ?? 'Rscript');
if (problem && !required) {
	console.warn(
		`\n!!! SKIPPED: the practice's structure check with lavaan — ${problem}.\n` +
			'!!! Install R and lavaan (apt-get install r-base-core r-cran-lavaan), or set REQUIRE_R=1 to fail.\n'
	);
}

describe.each(testDialects())('the structure check of a practice on %s', (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});

	async function practice(count: number) {
		const coach = await buildCoach(t.ctx);
		await seedPracticeResults(t.ctx, {
			practiceId: coach.practiceId,
			coachId: coach.userId,
			count,
			seed: 11,
			at: t.clock.now()
		});
		const actor = await actorOf(t.ctx, coach.userId);
		return { coach, input: { actor, practiceId: coach.practiceId } };
	}
	const queued = () =>
		t.ctx.db.selectFrom('jobs').select('kind').where('kind', '=', VALIDITY_JOB).execute();

	it('shows nothing and queues nothing below 200 clean results', async () => {
		const { input } = await practice(120);
		const view = await getValidityView(t.ctx, input);
		expect(view).toMatchObject({ status: 'too-few', figures: null, minimum: 200 });
		expect(view.usable).toBeLessThan(200);
		expect(await queued()).toEqual([]);
	});

	it('queues one job per change of results, never fits during a view, and says when R is missing', async () => {
		const { coach, input } = await practice(230);
		const first = await getValidityView(t.ctx, input);
		expect(first).toMatchObject({ status: 'working', figures: null });
		await getValidityView(t.ctx, input);
		expect(await queued()).toHaveLength(1);

		await computeValidity(t.ctx, { practiceId: coach.practiceId }, { rscript: '/nowhere/Rscript' });
		const failed = await getValidityView(t.ctx, input);
		expect(failed.status).toBe('failed');
		expect(failed.message).toContain('R is not installed here');
		expect(await queued()).toHaveLength(1);

		// A coach of the practice reads it; a client and an outsider are refused.
		const client = await buildClient(t.ctx, { coach });
		for (const userId of [client.userId, (await buildCoach(t.ctx)).userId]) {
			const actor = await actorOf(t.ctx, userId);
			await expect(
				getValidityView(t.ctx, { actor, practiceId: coach.practiceId })
			).rejects.toMatchObject({ code: 'forbidden' });
		}
	});

	it.skipIf(problem !== null && !required)(
		'fits the structure with lavaan in the job, caches the figures, and refreshes them when results change',
		async () => {
			expect(problem, 'REQUIRE_R=1 but lavaan cannot run').toBeNull();
			const { coach, input } = await practice(260);
			await getValidityView(t.ctx, input);
			expect(await runDueJobs(t.ctx)).toBe(1);
			const view = await getValidityView(t.ctx, input);
			expect(view.status).toBe('done');
			expect(view.stale).toBe(false);
			const figures = view.figures!;
			expect(figures.rows).toBe(view.usable);
			expect(figures.fit.cfi).toBeGreaterThan(0.9);
			expect(figures.fit.rmsea).toBeLessThan(0.08);
			expect(figures.cells).toHaveLength(9);
			for (const cell of figures.cells) {
				expect(cell.omega).toBeGreaterThan(0.5);
				expect(Math.abs(cell.omega! - cell.alpha!)).toBeLessThan(0.05);
			}
			expect(await queued()).toHaveLength(1);

			await seedPracticeResults(t.ctx, {
				practiceId: coach.practiceId,
				coachId: coach.userId,
				count: 5,
				seed: 12,
				at: t.clock.now()
			});
			const stale = await getValidityView(t.ctx, input);
			expect(stale).toMatchObject({ status: 'working', stale: true });
			expect(stale.figures).toEqual(figures);
			expect(await queued()).toHaveLength(2);
		},
		120_000
	);
});
