import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import {
	buildCoachingCast,
	reportedAction,
	sharedEntry
} from '../../../../tests/factories/workspace.ts';
import { setJournalEntrySharing } from '../journal/set-journal-entry-sharing.ts';
import { runDueJobs } from '../jobs/worker.ts';
import { listDevMailbox } from '../mail/mailer.ts';
import { getClientOverview } from '../practices/get-client-overview.ts';
import { getActionThreads } from './get-action-threads.ts';
import { getEntryThread } from './get-entry-thread.ts';
import { postReply } from './post-reply.ts';
import { REPLY_BODY_MAX } from './threads.ts';

const base = 'https://midpoint.example';

describe.each(testDialects())('reply threads on %s', (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});

	const replyCount = async () =>
		Number(
			(
				await t.ctx.db
					.selectFrom('replies')
					.select((eb) => eb.fn.countAll<number>().as('n'))
					.executeTakeFirstOrThrow()
			).n
		);

	it('sends the coach’s reply to the client’s entry page and emails only a link', async () => {
		const cast = await buildCoachingCast(t.ctx);
		const entryId = await sharedEntry(t.ctx, cast.actors.client, 'We cooked together.');
		const text = 'That evening sounds like a real turning point.';
		await postReply(t.ctx, {
			actor: cast.actors.coach,
			subjectType: 'entry',
			subjectId: entryId,
			body: text,
			baseUrl: base
		});

		const stored = await t.ctx.db.selectFrom('replies').selectAll().executeTakeFirstOrThrow();
		expect(stored.body).toMatch(/^v1:/);
		expect(stored.body).not.toContain('turning point');

		const seen = await getEntryThread(t.ctx, { actor: cast.actors.client, entryId });
		expect(seen.replies).toMatchObject([{ body: text, byClient: false, isNew: true }]);
		expect(seen.canReply).toBe(true);
		// Seen once, it is no longer new.
		const again = await getEntryThread(t.ctx, { actor: cast.actors.client, entryId });
		expect(again.replies[0]?.isNew).toBe(false);

		await runDueJobs(t.ctx);
		const mail = (await listDevMailbox(t.ctx)).filter((m) => m.to_address === cast.client.email);
		expect(mail).toHaveLength(1);
		expect(mail[0]!.subject).toBe('Your coach replied');
		expect(mail[0]!.text_body).toContain(`${base}/journal/${entryId}#replies`);
		expect(mail[0]!.text_body).not.toContain('turning point');
		expect(mail[0]!.text_body).not.toContain('cooked');
	});

	it('shows the client’s answer to the coach, with no email to anyone', async () => {
		const cast = await buildCoachingCast(t.ctx);
		const entryId = await sharedEntry(t.ctx, cast.actors.client, 'We cooked together.');
		const target = { practiceId: cast.practiceId, clientId: cast.client.userId };
		await postReply(t.ctx, {
			actor: cast.actors.coach,
			subjectType: 'entry',
			subjectId: entryId,
			body: 'What made it easy?',
			baseUrl: base
		});
		await runDueJobs(t.ctx);
		t.clock.advance(60_000);
		await postReply(t.ctx, {
			actor: cast.actors.client,
			subjectType: 'entry',
			subjectId: entryId,
			body: 'I asked early, before I was tired.',
			baseUrl: base
		});
		const seen = await getClientOverview(t.ctx, { actor: cast.actors.coach, ...target });
		expect(seen.sharedEntries?.[0]?.replies.map((r) => [r.byClient, r.body, r.isNew])).toEqual([
			[false, 'What made it easy?', false],
			[true, 'I asked early, before I was tired.', true]
		]);
		await runDueJobs(t.ctx);
		expect(await listDevMailbox(t.ctx)).toHaveLength(1); // only the coach's reply was emailed
	});

	it('keeps a thread on a report-back between the client and their coach', async () => {
		const cast = await buildCoachingCast(t.ctx);
		const { actionId, reportId, occurrence } = await reportedAction(
			t.ctx,
			cast.actors.client,
			'Sam chopped, I stirred.'
		);
		await postReply(t.ctx, {
			actor: cast.actors.coach,
			subjectType: 'report',
			subjectId: reportId,
			body: 'Lovely division of labour.',
			baseUrl: base
		});
		const mine = await getActionThreads(t.ctx, { actor: cast.actors.client, actionId });
		expect(mine.threads[occurrence]?.replies.map((r) => r.body)).toEqual([
			'Lovely division of labour.'
		]);
		await runDueJobs(t.ctx);
		const [mail] = await listDevMailbox(t.ctx);
		expect(mail?.text_body).toContain(`${base}/actions/${actionId}#thread-${reportId}`);
		expect(mail?.text_body).not.toContain('division');
	});

	it('refuses a reply to an entry that was unshared meanwhile, and saves nothing', async () => {
		const cast = await buildCoachingCast(t.ctx);
		const entryId = await sharedEntry(t.ctx, cast.actors.client, 'We cooked together.');
		await setJournalEntrySharing(t.ctx, { actor: cast.actors.client, id: entryId, shared: false });
		const reply = (actor = cast.actors.coach) =>
			postReply(t.ctx, {
				actor,
				subjectType: 'entry',
				subjectId: entryId,
				body: 'A reply typed before the entry went private.',
				baseUrl: base
			});
		await expect(reply()).rejects.toMatchObject({
			code: 'conflict',
			message: expect.stringContaining('no longer shared with you')
		});
		await expect(reply(cast.actors.client)).rejects.toMatchObject({ code: 'conflict' });
		expect(await replyCount()).toBe(0);
		await expect(
			getEntryThread(t.ctx, { actor: cast.actors.coach, entryId })
		).rejects.toMatchObject({ code: 'not_found' });
	});

	it('hides the thread from the coach once the entry is unshared, and keeps it for the client', async () => {
		const cast = await buildCoachingCast(t.ctx);
		const target = { practiceId: cast.practiceId, clientId: cast.client.userId };
		const entryId = await sharedEntry(t.ctx, cast.actors.client, 'We cooked together.');
		await postReply(t.ctx, {
			actor: cast.actors.coach,
			subjectType: 'entry',
			subjectId: entryId,
			body: 'Tell me more about Sunday.',
			baseUrl: base
		});
		await setJournalEntrySharing(t.ctx, { actor: cast.actors.client, id: entryId, shared: false });
		const coachView = await getClientOverview(t.ctx, { actor: cast.actors.coach, ...target });
		expect(JSON.stringify(coachView)).not.toContain('Sunday');
		const mine = await getEntryThread(t.ctx, { actor: cast.actors.client, entryId });
		expect(mine.replies.map((r) => r.body)).toEqual(['Tell me more about Sunday.']);
		expect(mine.canReply).toBe(false);
	});

	it('refuses an empty reply and one over 5,000 characters', async () => {
		const cast = await buildCoachingCast(t.ctx);
		const entryId = await sharedEntry(t.ctx, cast.actors.client, 'We cooked together.');
		for (const body of ['   ', 'a'.repeat(REPLY_BODY_MAX + 1)]) {
			await expect(
				postReply(t.ctx, {
					actor: cast.actors.coach,
					subjectType: 'entry',
					subjectId: entryId,
					body,
					baseUrl: base
				})
			).rejects.toMatchObject({ code: 'invalid_input', fields: { body: expect.any(String) } });
		}
		expect(await replyCount()).toBe(0);
	});

	it('refuses every other reader and writer, on entries and report-backs alike', async () => {
		const cast = await buildCoachingCast(t.ctx);
		const entryId = await sharedEntry(t.ctx, cast.actors.client, 'We cooked together.');
		const { actionId, reportId } = await reportedAction(t.ctx, cast.actors.client, 'It went well.');
		for (const [who, actor] of Object.entries(cast.strangers)) {
			for (const [subjectType, subjectId] of [
				['entry', entryId],
				['report', reportId]
			] as const) {
				await expect(
					postReply(t.ctx, { actor, subjectType, subjectId, body: 'Hello', baseUrl: base }),
					`${who} writing on a ${subjectType}`
				).rejects.toMatchObject({ code: 'not_found' });
			}
			await expect(getEntryThread(t.ctx, { actor, entryId }), who).rejects.toMatchObject({
				code: 'not_found'
			});
			await expect(getActionThreads(t.ctx, { actor, actionId }), who).rejects.toMatchObject({
				code: 'not_found'
			});
		}
		expect(await replyCount()).toBe(0);
	});
});
