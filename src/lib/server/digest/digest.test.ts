import { openPayload } from '../jobs/sealed-payload.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { buildClient, buildCoach } from '../../../../tests/factories/accounts.ts';
import {
	clientActor,
	coachActor,
	newAction,
	reportOn
} from '../../../../tests/factories/actions.ts';
import { createAction } from '../actions/create-action.ts';
import { reportBack } from '../actions/report-back.ts';
import { saveJournalEntry } from '../journal/save-journal-entry.ts';
import { setJournalEntrySharing } from '../journal/set-journal-entry-sharing.ts';
import { sendCoachDigests } from './send-coach-digests.ts';
import { getDigestMode, setDigestMode } from './set-digest-mode.ts';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

describe.each(testDialects())('the coach digest on %s', (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect); // Friday 27 November 2026, 09:00 UTC
	});
	afterEach(async () => {
		await t.dispose();
	});

	async function digestEmails(): Promise<{ to: string; subject: string; text: string }[]> {
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
			.filter((m) => m.subject.includes('digest'));
	}

	async function coachWithBusyClient() {
		const coach = await buildCoach(t.ctx, { name: 'Rosa Delgado', email: 'rosa@example.com' });
		const iris = await buildClient(t.ctx, { coach, name: 'Iris Quill' });
		const me = clientActor(iris.userId, coach.practiceId);
		const { id } = await createAction(t.ctx, {
			actor: me,
			action: newAction({ schedule: { type: 'date', dueOn: '2026-11-28' } })
		});
		t.clock.advance(DAY); // Saturday: due
		await reportBack(t.ctx, { actor: me, actionId: id, report: reportOn('2026-11-28') });
		const entry = await saveJournalEntry(t.ctx, {
			actor: me,
			step: 'resonate',
			promptId: 'resonate-together',
			domains: [],
			disciplines: [],
			body: 'A sentence only the coach should read, in Midpoint.'
		});
		await setJournalEntrySharing(t.ctx, { actor: me, id: entry.id, shared: true });
		return { coach, iris };
	}

	it('sends the weekly digest once on Monday morning, with names and counts but no words', async () => {
		await coachWithBusyClient();
		t.clock.advance(DAY + 21 * HOUR); // Monday 30 November, 06:00: not yet
		expect(await sendCoachDigests(t.ctx)).toBe(0);
		t.clock.advance(2 * HOUR); // 08:00
		expect(await sendCoachDigests(t.ctx)).toBe(1);
		expect(await sendCoachDigests(t.ctx)).toBe(0); // once only
		const [mail] = await digestEmails();
		expect(mail!.to).toBe('rosa@example.com');
		expect(mail!.text).toContain('Iris Quill: 1 report-back, 1 shared entry');
		expect(mail!.text).not.toContain('only the coach should read');
		expect(mail!.text).not.toContain('Sam found two mistakes');

		// The next Monday, with nothing new: the week is claimed without an email.
		t.clock.advance(7 * DAY);
		expect(await sendCoachDigests(t.ctx)).toBe(0);
		expect(await digestEmails()).toHaveLength(1);
	});

	it('sends daily when the coach asks, lists overdue clients, and nothing when off', async () => {
		const coach = await buildCoach(t.ctx, { name: 'Rosa Delgado' });
		const ben = await buildClient(t.ctx, { coach, name: 'Ben Whitaker' });
		await createAction(t.ctx, {
			actor: clientActor(ben.userId, coach.practiceId),
			action: newAction({ schedule: { type: 'date', dueOn: '2026-11-28' } })
		});
		const rosa = coachActor(coach.userId, coach.practiceId);
		await setDigestMode(t.ctx, { actor: rosa, mode: 'daily' });
		expect(await getDigestMode(t.ctx, { actor: rosa })).toBe('daily');

		expect(await sendCoachDigests(t.ctx)).toBe(0); // Friday: nothing overdue yet
		t.clock.advance(2 * DAY); // Sunday 09:00: Saturday's report-back is overdue
		expect(await sendCoachDigests(t.ctx)).toBe(1);
		const [mail] = await digestEmails();
		expect(mail!.subject).toContain('daily');
		expect(mail!.text).toContain('Ben Whitaker: 1 report-back overdue');

		await setDigestMode(t.ctx, { actor: rosa, mode: 'off' });
		t.clock.advance(DAY);
		expect(await sendCoachDigests(t.ctx)).toBe(0);
		expect(await digestEmails()).toHaveLength(1);
	});

	it('refuses a client a digest and an unknown choice, changing nothing', async () => {
		const coach = await buildCoach(t.ctx);
		const client = await buildClient(t.ctx, { coach });
		await expect(
			setDigestMode(t.ctx, { actor: clientActor(client.userId, coach.practiceId), mode: 'daily' })
		).rejects.toMatchObject({ code: 'forbidden' });
		const rosa = coachActor(coach.userId, coach.practiceId);
		await expect(setDigestMode(t.ctx, { actor: rosa, mode: 'hourly' })).rejects.toMatchObject({
			code: 'invalid_input',
			fields: { mode: 'Choose daily, weekly or never.' }
		});
		expect(await getDigestMode(t.ctx, { actor: rosa })).toBe('weekly');
	});
});
