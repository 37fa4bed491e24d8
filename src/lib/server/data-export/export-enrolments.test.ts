import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { practice, program, reading } from '../../../../tests/factories/programs.ts';
import { finishAssessment } from '../../../../tests/factories/workspace.ts';
import { exportOf } from '../../../../tests/support/person-export.ts';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { parseCsv } from '../../domain/csv/csv.ts';
import type { Actor } from '../../domain/policies.ts';
import { importProgram } from '../programs/create-program.ts';
import { enrolClients } from '../programs/enrol.ts';
import { completeMyStep } from '../programs/follow.ts';
import { publishProgram } from '../programs/publish-program.ts';

const ANSWER = '=1+1 I felt heard for once';

describe.each(testDialects())('a program in the person’s export on %s', (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(() => t.dispose());

	const exported = (actor: Actor) => exportOf(t.ctx, actor);

	it('holds the program, its version, start, status, the steps done with dates and the check-in answer', async () => {
		const { p, coach, cleo, cleoA } = await practice(t.ctx);
		const doc = program(
			[
				reading('read', { rule: 'right-away' }),
				{
					id: 'ask',
					title: 'How was it',
					kind: 'check-in',
					question: 'What stayed with you?',
					delivery: { rule: 'after-previous' },
					dueDays: 7
				},
				{
					id: 'assess',
					title: 'Take the assessment',
					kind: 'assessment',
					intro: 'See where you are now.',
					delivery: { rule: 'after-previous' },
					dueDays: 7
				},
				reading('last', { rule: 'after-previous' })
			],
			'Steady steps'
		);
		const { id } = await importProgram(t.ctx, {
			actor: coach,
			practiceId: p,
			text: JSON.stringify(doc)
		});
		const target = { actor: coach, practiceId: p, programId: id };
		await publishProgram(t.ctx, target);
		await enrolClients(t.ctx, { ...target, clientIds: [cleo.userId], startOn: '2026-11-27' });
		await completeMyStep(t.ctx, { actor: cleoA, stepId: 'read' });
		const readAt = t.ctx.now().toISOString();
		t.clock.advance(3600_000);
		await completeMyStep(t.ctx, { actor: cleoA, stepId: 'ask', answer: ANSWER });
		await finishAssessment(t.ctx, cleoA, () => t.clock.advance(60_000));
		const assessedAt = t.ctx.now().toISOString();

		const { data, text } = await exported(cleoA);
		expect(data.enrolments).toHaveLength(1);
		expect(data.enrolments[0]).toMatchObject({
			program: 'Steady steps',
			version: 1,
			startedAt: '2026-11-27T00:00:00.000Z',
			status: 'active',
			endedAt: null
		});
		expect(data.enrolments[0]!.stepsDone).toEqual([
			{
				stepId: 'read',
				title: 'Reading read',
				kind: 'reading',
				doneAt: readAt,
				how: 'done',
				answer: null
			},
			{
				stepId: 'ask',
				title: 'How was it',
				kind: 'check-in',
				doneAt: expect.any(String),
				how: 'done',
				answer: ANSWER
			},
			{
				stepId: 'assess',
				title: 'Take the assessment',
				kind: 'assessment',
				doneAt: assessedAt,
				how: 'done',
				answer: null
			}
		]);

		const rows = parseCsv(text('programs.csv'));
		expect(rows[0]).toEqual([
			'enrolment_id',
			'program',
			'version',
			'started_at',
			'status',
			'ended_at',
			'step_id',
			'step_title',
			'done_at',
			'how',
			'check_in_answer'
		]);
		expect(rows.slice(1).map((r) => r[6])).toEqual(['read', 'ask', 'assess']);
		// The answer opens in a spreadsheet as text, never as a formula.
		expect(rows[2]!.at(-1)).toBe(`'${ANSWER}`);
	});

	it('holds an empty list for someone who never followed a program', async () => {
		const { ollyA } = await practice(t.ctx);
		const { data, text } = await exported(ollyA);
		expect(data.enrolments).toEqual([]);
		expect(parseCsv(text('programs.csv'))).toHaveLength(1);
	});
});
