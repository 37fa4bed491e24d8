import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { buildClient, buildCoach } from '../../../../tests/factories/accounts.ts';
import { completeAssessment } from '../../../../tests/factories/assessments.ts';
import { seedPracticeResults } from '../../../../tests/factories/practice-results.ts';
import { actorOf } from '../../../../tests/factories/workspace.ts';
import { describeNorms } from '../../domain/describe-norms.ts';
import { DEFAULT_NORMS } from '../../domain/scoring/default-norms.ts';
import { bandUnder } from '../../domain/scoring/local-norms.ts';
import { getAssessmentResult } from '../assessments/get-assessment-result.ts';
import { listCompletedAssessments } from '../assessments/repository.ts';
import { addMembership } from '../practices/repository.ts';
import { adoptPracticeNorms, useBuiltInNorms } from './adopt-norms.ts';
import { getNormsView } from './norms-view.ts';

const lean = { DEP: 2, IND: 4, MUT: 3 };

describe.each(testDialects())("a practice's own norms on %s", (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});

	async function practice(count: number) {
		const coach = await buildCoach(t.ctx, { name: 'Ada Admin' });
		await seedPracticeResults(t.ctx, {
			practiceId: coach.practiceId,
			coachId: coach.userId,
			count,
			seed: 7,
			at: t.clock.now()
		});
		const admin = await actorOf(t.ctx, coach.userId);
		return { coach, admin, input: { actor: admin, practiceId: coach.practiceId } };
	}

	async function latestResult(userId: string, actor: Awaited<ReturnType<typeof actorOf>>) {
		const results = await listCompletedAssessments(t.ctx.db, userId);
		return getAssessmentResult(t.ctx, { actor, assessmentId: results.at(-1)!.id });
	}

	it('refuses to adopt norms below 200 clean results, naming the count, and changes nothing', async () => {
		const { input } = await practice(150);
		const view = await getNormsView(t.ctx, input);
		expect(view.clean).toBeLessThan(200);
		expect(view.preview).toBeNull();
		expect(view.blocked).toContain(`has ${view.clean} clean, complete results`);
		expect(view.blocked).toContain('at least 200');
		await expect(adoptPracticeNorms(t.ctx, input)).rejects.toMatchObject({
			code: 'invalid_input',
			message: expect.stringContaining('Nothing was changed')
		});
		expect(await t.ctx.db.selectFrom('practice_norms').selectAll().execute()).toEqual([]);
	});

	it('scores new results with adopted norms, says so, and never rewrites an earlier result', async () => {
		const { coach, admin, input } = await practice(230);
		const client = await buildClient(t.ctx, { coach });
		await completeAssessment(t.ctx, {
			userId: client.userId,
			practiceId: coach.practiceId,
			lean,
			date: t.clock.now()
		});
		const clientActor = await actorOf(t.ctx, client.userId);
		const before = await latestResult(client.userId, clientActor);
		expect(before.norms.used).toEqual({ kind: 'built-in', people: 20_000 });
		expect(describeNorms(before.norms)).toContain("Once your coach's practice has 200 results");

		const view = await getNormsView(t.ctx, input);
		expect(view.clean).toBeGreaterThanOrEqual(200);
		expect(view.canAdopt).toBe(true);
		// The weaker-item population is less consistent: its bands are wider than the built-in ones.
		expect(view.preview!.fromData[0]!.band).toBeGreaterThan(view.preview!.builtIn[0]!.band + 1);
		// Nobody has two results yet: no verdict to move.
		expect(view.preview!.verdicts).toEqual({ pairs: 0, stronger: 0, weaker: 0 });
		const { respondents } = await adoptPracticeNorms(t.ctx, input);
		expect(respondents).toBeGreaterThanOrEqual(view.clean);

		t.clock.advance(30 * 24 * 3600_000);
		await completeAssessment(t.ctx, {
			userId: client.userId,
			practiceId: coach.practiceId,
			lean,
			date: t.clock.now()
		});
		const after = await latestResult(client.userId, clientActor);
		expect(after.score.normsSource).toBe('practice');
		expect(after.norms.used).toEqual({ kind: 'practice', people: respondents });
		expect(after.score.band!.high - after.score.band!.low).toBeGreaterThan(
			before.score.band!.high - before.score.band!.low
		);
		const builtIn = bandUnder(after.score, DEFAULT_NORMS)!;
		expect(after.norms.other).toMatchObject({ kind: 'built-in', band: builtIn });
		expect(describeNorms(after.norms)).toContain(`pooled from ${respondents} of its clients`);

		// The first result keeps its built-in band, and offers the practice's beside it.
		const first = await getAssessmentResult(t.ctx, { actor: clientActor, assessmentId: before.id });
		expect(first.score.band).toEqual(before.score.band);
		expect(first.norms.used.kind).toBe('built-in');
		expect(describeNorms(first.norms)).toContain(
			'Your practice has since adopted norms of its own'
		);

		// Back to the built-in norms: the next result uses them, the local one keeps its own.
		await useBuiltInNorms(t.ctx, { actor: admin, practiceId: coach.practiceId });
		await expect(useBuiltInNorms(t.ctx, input)).rejects.toMatchObject({ code: 'invalid_input' });
		t.clock.advance(30 * 24 * 3600_000);
		await completeAssessment(t.ctx, {
			userId: client.userId,
			practiceId: coach.practiceId,
			lean,
			date: t.clock.now()
		});
		expect((await latestResult(client.userId, clientActor)).score.normsSource).toBe('simulation');
		const kept = await getAssessmentResult(t.ctx, { actor: clientActor, assessmentId: after.id });
		expect(kept.score.band).toEqual(after.score.band);
		expect(kept.norms.used.kind).toBe('practice');
	});

	it('shows the norms to coaches of the practice but lets only the admin change them', async () => {
		const { coach, input } = await practice(210);
		const colleague = await buildCoach(t.ctx);
		await addMembership(t.ctx.db, {
			id: randomUUID(),
			practiceId: coach.practiceId,
			userId: colleague.userId,
			role: 'coach',
			at: t.clock.now().toISOString()
		});
		const colleagueActor = await actorOf(t.ctx, colleague.userId);
		const asColleague = { actor: colleagueActor, practiceId: coach.practiceId };
		expect((await getNormsView(t.ctx, asColleague)).canAdopt).toBe(false);
		await expect(adoptPracticeNorms(t.ctx, asColleague)).rejects.toMatchObject({
			code: 'forbidden'
		});
		const client = await buildClient(t.ctx, { coach });
		const outsider = await buildCoach(t.ctx);
		for (const userId of [client.userId, outsider.userId]) {
			const actor = await actorOf(t.ctx, userId);
			await expect(
				getNormsView(t.ctx, { actor, practiceId: coach.practiceId })
			).rejects.toMatchObject({ code: 'forbidden' });
		}
		expect(await t.ctx.db.selectFrom('practice_norms').selectAll().execute()).toEqual([]);
		await adoptPracticeNorms(t.ctx, input);
		expect((await getNormsView(t.ctx, asColleague)).inForce?.respondents).toBeGreaterThan(200);
	});
});
