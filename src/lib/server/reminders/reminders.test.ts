import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { buildClient } from '../../../../tests/factories/accounts.ts';
import type { Actor } from '../../domain/policies.ts';
import { createAction } from '../actions/create-action.ts';
import { reportBack } from '../actions/report-back.ts';
import type { AppContext } from '../context.ts';
import { createDb } from '../db/create-db.ts';
import { runDueJobs } from '../jobs/worker.ts';
import { listDevMailbox } from '../mail/mailer.ts';
import { sendDueReminders } from './send-due-reminders.ts';
import { getReminderMode, setReminderMode } from './set-reminder-mode.ts';

const DAY = 24 * 3600_000;
const action = (what: string, dueOn: string) => ({
	what,
	withName: 'Sam',
	withEmail: null,
	domain: 'TEAM' as const,
	kind: 'ask-help' as const,
	discipline: 'discernment' as const,
	schedule: { type: 'date' as const, dueOn },
	suggestionId: null,
	key: null
});

describe.each(testDialects())('report-back reminders on %s', (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});

	async function clientWithTwoActions(name: string) {
		const client = await buildClient(t.ctx, { name });
		const me: Actor = { userId: client.userId, practices: {} };
		// The test clock starts on Friday 27 November 2026.
		const first = await createAction(t.ctx, {
			actor: me,
			action: action('Ask Sam to review the plan', '2026-11-29')
		});
		await createAction(t.ctx, {
			actor: me,
			action: action('Ask Kim for a second opinion', '2026-11-29')
		});
		return { client, me, first };
	}
	const mailTo = async (email: string) => {
		await runDueJobs(t.ctx);
		return (await listDevMailbox(t.ctx, 1000)).filter((m) => m.to_address === email);
	};

	it('sends one reminder per due report-back, once, even with two processes looking at the same time', async () => {
		const { client } = await clientWithTwoActions('Nia');
		expect(await sendDueReminders(t.ctx)).toBe(0); // nothing due yet
		t.clock.advance(2 * DAY);
		const other = createDb(t.ctx.config.database);
		const second: AppContext = { ...t.ctx, db: other.db };
		try {
			// On PostgreSQL the two pools race. Two SQLite connections in one thread cannot: the first
			// holds the write lock across an await while the second blocks the thread waiting for
			// it. There the second scan runs after the first, as a second process would find it;
			// separate processes racing are tested in reminders-processes.test.ts.
			const [a, b] =
				dialect === 'postgres'
					? await Promise.all([sendDueReminders(t.ctx), sendDueReminders(second)])
					: [await sendDueReminders(t.ctx), await sendDueReminders(second)];
			expect(a + b).toBe(2);
		} finally {
			await other.close();
		}
		expect(await sendDueReminders(t.ctx)).toBe(0);
		const mails = await mailTo(client.email);
		expect(mails.map((m) => m.subject).sort()).toEqual([
			'Time to report back: Ask Kim for a second opinion',
			'Time to report back: Ask Sam to review the plan'
		]);
		expect(mails[0]!.text_body).toMatch(/\/actions\/[0-9a-f-]{36}#report/);
	});

	it('gathers them into one daily email, or sends none, as the person chose', async () => {
		const daily = await clientWithTwoActions('Dee');
		const off = await clientWithTwoActions('Otto');
		await setReminderMode(t.ctx, { actor: daily.me, mode: 'daily' });
		await setReminderMode(t.ctx, { actor: off.me, mode: 'off' });
		await expect(setReminderMode(t.ctx, { actor: off.me, mode: 'hourly' })).rejects.toThrow(
			'Choose one of the three'
		);
		expect(await getReminderMode(t.ctx, { actor: off.me })).toBe('off');
		t.clock.advance(2 * DAY);
		await sendDueReminders(t.ctx);
		await sendDueReminders(t.ctx);
		expect((await mailTo(daily.client.email)).map((m) => m.subject)).toEqual([
			'Time to report back on 2 actions'
		]);
		expect(await mailTo(off.client.email)).toEqual([]);
	});

	it('reaches everyone when the scan goes a few people at a time, each person whole', async () => {
		const people = await Promise.all(
			['Ada', 'Bo', 'Cy', 'Di', 'Ed'].map((name) => clientWithTwoActions(name))
		);
		await setReminderMode(t.ctx, { actor: people[2]!.me, mode: 'daily' });
		t.clock.advance(2 * DAY);
		// Pages of two people: five people take three pages, and nobody's actions are split.
		expect(await sendDueReminders(t.ctx, { pageSize: 2 })).toBe(9);
		expect(await sendDueReminders(t.ctx, { pageSize: 2 })).toBe(0);
		for (const [i, person] of people.entries()) {
			const subjects = (await mailTo(person.client.email)).map((m) => m.subject).sort();
			expect(subjects).toEqual(
				i === 2
					? ['Time to report back on 2 actions']
					: [
							'Time to report back: Ask Kim for a second opinion',
							'Time to report back: Ask Sam to review the plan'
						]
			);
		}
	});

	it('stops reminding once the person has reported back', async () => {
		const { client, me, first } = await clientWithTwoActions('Rae');
		t.clock.advance(2 * DAY);
		await reportBack(t.ctx, {
			actor: me,
			actionId: first.id,
			report: {
				occurrence: '2026-11-29',
				outcome: 'done',
				happened: 'It went well.',
				mutuality: 4,
				compared: 'better',
				measure: null,
				measureLabel: null,
				note: null
			}
		});
		await sendDueReminders(t.ctx);
		expect((await mailTo(client.email)).map((m) => m.subject)).toEqual([
			'Time to report back: Ask Kim for a second opinion'
		]);
	});
});
