import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { buildClient, buildCoach } from '../../../../tests/factories/accounts.ts';
import type { Actor } from '../../domain/policies.ts';
import { resolveSession } from '../auth/sessions.ts';
import { logIn } from '../auth/log-in.ts';
import { FACTORY_PASSWORD } from '../../../../tests/factories/accounts.ts';
import { selfPages } from './get-assessment-page.ts';
import { getAssessmentResult } from './get-assessment-result.ts';
import { listAssessmentHistory } from './list-assessment-history.ts';
import { saveAssessmentPage } from './save-assessment-page.ts';
import { startAssessment } from './start-assessment.ts';
import { answerScoring } from '../../domain/scoring/reverse-keying.ts';

/** Answers for one page: `lean` sets how strongly DEP and IND items are endorsed. */
function pageAnswers(
	page: number,
	lean: { DEP: number; IND: number; MUT: number }
): Record<string, string> {
	const out: Record<string, string> = {};
	for (const line of selfPages[page]!) {
		if (line.attention) out[line.id] = '4';
		else {
			const scale = line.id.split('_')[1] as 'DEP' | 'IND' | 'MUT';
			const value = lean[scale];
			out[line.id] = String(answerScoring(line.id, value));
		}
	}
	return out;
}

async function actorFor(t: TestContext, email: string): Promise<Actor> {
	const session = await logIn(t.ctx, { email, password: FACTORY_PASSWORD, address: '127.0.0.1' });
	return (await resolveSession(t.ctx, session.token))!.actor;
}

describe.each(testDialects())('the Continuum Assessment on %s', (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});

	async function takeWhole(actor: Actor, lean: { DEP: number; IND: number; MUT: number }) {
		const { id } = await startAssessment(t.ctx, { userId: actor.userId });
		for (let page = 0; page < selfPages.length; page++) {
			t.clock.advance(60_000);
			await saveAssessmentPage(t.ctx, {
				actor,
				assessmentId: id,
				page,
				answers: pageAnswers(page, lean),
				confirmSkip: false
			});
		}
		return id;
	}

	it('points out blank lines, then leaves them blank only when asked again', async () => {
		const client = await buildClient(t.ctx);
		const actor = await actorFor(t, client.email);
		const { id } = await startAssessment(t.ctx, { userId: client.userId });
		const answers = pageAnswers(0, { DEP: 2, IND: 4, MUT: 3 });
		const [skipped] = Object.keys(answers);
		delete answers[skipped!];
		const save = (confirmSkip: boolean) =>
			saveAssessmentPage(t.ctx, { actor, assessmentId: id, page: 0, answers, confirmSkip });
		await expect(save(false)).rejects.toMatchObject({
			message: expect.stringContaining('You left 1 line blank'),
			fields: { [skipped!]: 'Not answered yet.' }
		});
		expect((await startAssessment(t.ctx, { userId: client.userId })).nextPage).toBe(0);
		expect(await save(true)).toEqual({ next: { page: 1 } });
	});

	it('refuses an answer outside the scale and saves nothing', async () => {
		const client = await buildClient(t.ctx);
		const actor = await actorFor(t, client.email);
		const { id } = await startAssessment(t.ctx, { userId: client.userId });
		const answers = { ...pageAnswers(0, { DEP: 2, IND: 4, MUT: 3 }), [selfPages[0]![0]!.id]: '7' };
		await expect(
			saveAssessmentPage(t.ctx, { actor, assessmentId: id, page: 0, answers, confirmSkip: true })
		).rejects.toThrow('not one of the five choices');
		expect((await startAssessment(t.ctx, { userId: client.userId })).nextPage).toBe(0);
	});

	it('resumes where the person stopped, and a double submit never skips a page', async () => {
		const client = await buildClient(t.ctx);
		const actor = await actorFor(t, client.email);
		const { id } = await startAssessment(t.ctx, { userId: client.userId });
		const answers = pageAnswers(0, { DEP: 2, IND: 4, MUT: 3 });
		expect(
			await saveAssessmentPage(t.ctx, {
				actor,
				assessmentId: id,
				page: 0,
				answers,
				confirmSkip: false
			})
		).toEqual({ next: { page: 1 } });
		expect(
			await saveAssessmentPage(t.ctx, {
				actor,
				assessmentId: id,
				page: 0,
				answers,
				confirmSkip: false
			})
		).toEqual({ next: { page: 1 } });
		// A stale tab posting a later page is sent back to the first unsaved one.
		expect(
			await saveAssessmentPage(t.ctx, {
				actor,
				assessmentId: id,
				page: 4,
				answers: pageAnswers(4, { DEP: 2, IND: 4, MUT: 3 }),
				confirmSkip: false
			})
		).toEqual({ next: { page: 1 } });
		expect(await startAssessment(t.ctx, { userId: client.userId })).toEqual({
			id,
			nextPage: 1,
			resumed: true
		});
	});

	it('scores a finished assessment with three domain positions and a band, and describes change on a retake', async () => {
		const client = await buildClient(t.ctx);
		const actor = await actorFor(t, client.email);
		const first = await takeWhole(actor, { DEP: 1, IND: 5, MUT: 2 });
		const result = await getAssessmentResult(t.ctx, { actor, assessmentId: first });
		expect(result.score.position).toBeCloseTo(-100, 5);
		for (const domain of result.domains)
			expect(result.score.domains[domain.code].position).toBeCloseTo(-100, 5);
		expect(result.score.band!.low).toBe(-100);
		expect(result.score.band!.high).toBeGreaterThan(-95);
		expect(result.overall?.title).toBeTruthy();
		expect(result.change).toBeNull();

		t.clock.advance(90 * 24 * 3600_000);
		const second = await takeWhole(actor, { DEP: 3, IND: 3, MUT: 4 });
		const retake = await getAssessmentResult(t.ctx, { actor, assessmentId: second });
		expect(retake.score.position).toBeCloseTo(0, 5);
		expect(retake.change).toMatchObject({ verdict: 'reliable' });
		expect(retake.change!.delta).toBeCloseTo(100, 5);
		const history = await listAssessmentHistory(t.ctx, { actor, userId: client.userId });
		expect(history.entries.map((e) => e.id)).toEqual([first, second]);
		expect(history.entries[1]!.change?.verdict).toBe('reliable');
		expect(history.open).toBeNull();
	});

	it('shows a result to its owner, their coach and the practice admin only', async () => {
		const coach = await buildCoach(t.ctx);
		const client = await buildClient(t.ctx, { coach });
		const other = await buildClient(t.ctx, { coach });
		const stranger = await buildCoach(t.ctx);
		const owner = await actorFor(t, client.email);
		const id = await takeWhole(owner, { DEP: 2, IND: 4, MUT: 3 });
		const read = async (email: string) =>
			getAssessmentResult(t.ctx, { actor: await actorFor(t, email), assessmentId: id });
		await expect(read(client.email)).resolves.toHaveProperty('id', id);
		await expect(read(coach.email)).resolves.toHaveProperty('id', id); // coach and admin of the practice
		await expect(read(other.email)).rejects.toThrow('not yours to see');
		await expect(read(stranger.email)).rejects.toThrow('not yours to see');
		const coachActor = await actorFor(t, coach.email);
		await expect(
			saveAssessmentPage(t.ctx, {
				actor: coachActor,
				assessmentId: id,
				page: 0,
				answers: {},
				confirmSkip: true
			})
		).rejects.toThrow('not yours to see');
		await expect(
			listAssessmentHistory(t.ctx, {
				actor: await actorFor(t, stranger.email),
				userId: client.userId
			})
		).rejects.toThrow('cannot see');
	});
});
