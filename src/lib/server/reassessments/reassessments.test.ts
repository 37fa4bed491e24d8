import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { buildCoachingCast, finishAssessment } from '../../../../tests/factories/workspace.ts';
import { runDueJobs } from '../jobs/worker.ts';
import { listDevMailbox } from '../mail/mailer.ts';
import { getClientOverview } from '../practices/get-client-overview.ts';
import { setReminderMode } from '../reminders/set-reminder-mode.ts';
import { sendDueReminders } from '../reminders/send-due-reminders.ts';
import { cancelReassessment } from './cancel-reassessment.ts';
import { getPendingReassessment } from './get-pending-reassessment.ts';
import { scheduleReassessment } from './schedule-reassessment.ts';

const DAY = 24 * 3600_000;

describe.each(testDialects())('re-assessments on %s', (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});

	async function scheduled(dueOn = '2026-12-04') {
		const cast = await buildCoachingCast(t.ctx);
		const where = { practiceId: cast.practiceId, clientId: cast.client.userId };
		const request = await scheduleReassessment(t.ctx, {
			actor: cast.actors.coach,
			...where,
			dueOn
		});
		return { cast, where, request };
	}
	const mailTo = async (email: string) => {
		await runDueJobs(t.ctx);
		return (await listDevMailbox(t.ctx, 1000)).filter((m) => m.to_address === email);
	};

	it('refuses a day in the past or a non-date, with a message for the field', async () => {
		const cast = await buildCoachingCast(t.ctx);
		const where = { practiceId: cast.practiceId, clientId: cast.client.userId };
		// The test clock starts on Friday 27 November 2026.
		for (const [dueOn, message] of [
			['2026-11-26', 'already passed'],
			['2026-02-30', 'year-month-day'],
			['', 'Pick the day']
		]) {
			await expect(
				scheduleReassessment(t.ctx, { actor: cast.actors.coach, ...where, dueOn: dueOn! })
			).rejects.toMatchObject({
				code: 'invalid_input',
				fields: { dueOn: expect.stringContaining(message!) }
			});
		}
		expect(await getPendingReassessment(t.ctx, { actor: cast.actors.client })).toBeNull();
		// Today itself is fine.
		await scheduleReassessment(t.ctx, { actor: cast.actors.coach, ...where, dueOn: '2026-11-27' });
		expect(await getPendingReassessment(t.ctx, { actor: cast.actors.client })).toMatchObject({
			dueOn: '2026-11-27'
		});
	});

	it('shows at the client’s home, reminds once when due, and completes with the next assessment', async () => {
		const { cast, where } = await scheduled('2026-11-29');
		expect(await getPendingReassessment(t.ctx, { actor: cast.actors.client })).toMatchObject({
			dueOn: '2026-11-29'
		});
		const coachView = await getClientOverview(t.ctx, { actor: cast.actors.coach, ...where });
		expect(coachView.reassessment?.dueOn).toBe('2026-11-29');

		await sendDueReminders(t.ctx);
		expect(await mailTo(cast.client.email)).toHaveLength(0); // not due yet
		t.clock.advance(2 * DAY);
		await Promise.all([sendDueReminders(t.ctx), sendDueReminders(t.ctx)]);
		t.clock.advance(DAY);
		await sendDueReminders(t.ctx);
		const mail = await mailTo(cast.client.email);
		expect(mail).toHaveLength(1);
		expect(mail[0]!.subject).toBe('Time to retake the assessment');
		expect(mail[0]!.text_body).toContain('by Sunday 29 November');
		expect(mail[0]!.text_body).toContain('/assessment');

		await finishAssessment(t.ctx, cast.actors.client, () => t.clock.advance(60_000));
		expect(await getPendingReassessment(t.ctx, { actor: cast.actors.client })).toBeNull();
		const row = await t.ctx.db.selectFrom('reassessments').selectAll().executeTakeFirstOrThrow();
		expect(row.completed_at).not.toBeNull();
		const after = await getClientOverview(t.ctx, { actor: cast.actors.coach, ...where });
		expect(after.reassessment).toBeNull();
		expect(after.results).toHaveLength(1);
	});

	it('sends no reminder to a client who turned reminder emails off', async () => {
		const { cast } = await scheduled('2026-11-27');
		await setReminderMode(t.ctx, { actor: cast.actors.client, mode: 'off' });
		await sendDueReminders(t.ctx);
		expect(await mailTo(cast.client.email)).toHaveLength(0);
		expect(await getPendingReassessment(t.ctx, { actor: cast.actors.client })).not.toBeNull();
	});

	it('lets the coach move the date (one open request) or cancel it', async () => {
		const { cast, where, request } = await scheduled('2026-12-04');
		const moved = await scheduleReassessment(t.ctx, {
			actor: cast.actors.coach,
			...where,
			dueOn: '2026-12-11'
		});
		expect(await getPendingReassessment(t.ctx, { actor: cast.actors.client })).toEqual(moved);
		await expect(
			cancelReassessment(t.ctx, { actor: cast.actors.coach, ...where, reassessmentId: request.id })
		).rejects.toMatchObject({ code: 'conflict' });
		await cancelReassessment(t.ctx, {
			actor: cast.actors.coach,
			...where,
			reassessmentId: moved.id
		});
		expect(await getPendingReassessment(t.ctx, { actor: cast.actors.client })).toBeNull();
		t.clock.advance(30 * DAY);
		await sendDueReminders(t.ctx);
		expect(await mailTo(cast.client.email)).toHaveLength(0);
	});

	it('refuses everyone but the client’s own coach, to ask for a retake or cancel one', async () => {
		const { cast, where, request } = await scheduled();
		for (const [who, actor] of Object.entries({
			'the client': cast.actors.client,
			...cast.strangers
		})) {
			await expect(
				scheduleReassessment(t.ctx, { actor, ...where, dueOn: '2026-12-20' }),
				who
			).rejects.toMatchObject({ code: 'not_found' });
			await expect(
				cancelReassessment(t.ctx, { actor, ...where, reassessmentId: request.id }),
				who
			).rejects.toMatchObject({ code: 'not_found' });
		}
		expect(await getPendingReassessment(t.ctx, { actor: cast.actors.client })).toMatchObject({
			id: request.id
		});
		// Another client's home shows nothing of it.
		expect(await getPendingReassessment(t.ctx, { actor: cast.actors.peer })).toBeNull();
	});
});
