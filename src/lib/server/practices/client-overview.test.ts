import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { buildClient, buildCoach } from '../../../../tests/factories/accounts.ts';
import type { Actor } from '../../domain/policies.ts';
import { addMembership } from './repository.ts';
import { saveJournalEntry } from '../journal/save-journal-entry.ts';
import { setJournalEntrySharing } from '../journal/set-journal-entry-sharing.ts';
import {
	buildCoachingCast,
	reportedAction,
	sharedEntry
} from '../../../../tests/factories/workspace.ts';
import { askCounterpart } from '../counterpart/ask-counterpart.ts';
import { answerCounterpart } from '../counterpart/answer-counterpart.ts';
import { skipOccurrence } from '../actions/skip-occurrence.ts';
import { createAction } from '../actions/create-action.ts';
import { runDueJobs } from '../jobs/worker.ts';
import { listDevMailbox } from '../mail/mailer.ts';
import { flushDeferredMarks } from '../deferred/deferred-marks.ts';
import { recordCoachVisit } from './coach-visits.ts';
import { getClientOverview } from './get-client-overview.ts';
import { listClientActions } from './list-client-actions.ts';

describe.each(testDialects())('a client seen by their coach on %s', (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});

	it('shows the coach shared entries only, and never private ones', async () => {
		const coach = await buildCoach(t.ctx);
		const client = await buildClient(t.ctx, { coach, name: 'Iris' });
		const me: Actor = { userId: client.userId, practices: { [coach.practiceId]: ['client'] } };
		const prompt = {
			step: 'resonate',
			promptId: 'resonate-together',
			domains: [],
			disciplines: []
		};
		const shared = await saveJournalEntry(t.ctx, {
			actor: me,
			...prompt,
			body: 'We cooked together and it was easy.'
		});
		await saveJournalEntry(t.ctx, { actor: me, ...prompt, body: 'Something I keep to myself.' });
		await setJournalEntrySharing(t.ctx, { actor: me, id: shared.id, shared: true });

		const coachActor: Actor = {
			userId: coach.userId,
			practices: { [coach.practiceId]: ['admin', 'coach'] }
		};
		const seen = await getClientOverview(t.ctx, {
			actor: coachActor,
			practiceId: coach.practiceId,
			clientId: client.userId
		});
		expect(seen.client.name).toBe('Iris');
		expect(seen.sharedEntries?.map((e) => e.body)).toEqual(['We cooked together and it was easy.']);
		expect(JSON.stringify(seen)).not.toContain('keep to myself');

		await setJournalEntrySharing(t.ctx, { actor: me, id: shared.id, shared: false });
		const after = await getClientOverview(t.ctx, {
			actor: coachActor,
			practiceId: coach.practiceId,
			clientId: client.userId
		});
		expect(after.sharedEntries).toEqual([]);
	});

	it('lets another coach of the practice, a coach elsewhere and another client see nothing', async () => {
		const coach = await buildCoach(t.ctx);
		const client = await buildClient(t.ctx, { coach });
		const colleague = await buildClient(t.ctx); // becomes a coach in the same practice below
		await addMembership(t.ctx.db, {
			id: randomUUID(),
			practiceId: coach.practiceId,
			userId: colleague.userId,
			role: 'coach',
			at: t.ctx.now().toISOString()
		});
		const elsewhere = await buildCoach(t.ctx);
		const peer = await buildClient(t.ctx, { coach });
		const readers: Actor[] = [
			{ userId: colleague.userId, practices: { [coach.practiceId]: ['coach'] } },
			{ userId: elsewhere.userId, practices: { [elsewhere.practiceId]: ['admin', 'coach'] } },
			{ userId: peer.userId, practices: { [coach.practiceId]: ['client'] } }
		];
		readers.push({ userId: client.userId, practices: { [coach.practiceId]: ['client'] } });
		for (const actor of readers) {
			await expect(
				getClientOverview(t.ctx, { actor, practiceId: coach.practiceId, clientId: client.userId })
			).rejects.toThrow('not yours to see');
		}
		// A coach of another practice asking about their own practice id gets the same answer.
		await expect(
			getClientOverview(t.ctx, {
				actor: readers[1]!,
				practiceId: elsewhere.practiceId,
				clientId: client.userId
			})
		).rejects.toThrow('not yours to see');
	});

	it('shows the coach the client’s report-backs, skips and the other person’s answer', async () => {
		const cast = await buildCoachingCast(t.ctx);
		const where = { practiceId: cast.practiceId, clientId: cast.client.userId };
		const { actionId } = await reportedAction(t.ctx, cast.actors.client, 'Sam chopped, I stirred.');
		const seen = await getClientOverview(t.ctx, { actor: cast.actors.coach, ...where });
		const [action] = seen.actions!.open;
		expect(action).toMatchObject({
			id: actionId,
			what: 'Ask Sam to cook with me',
			withName: 'Sam'
		});
		expect(action!.reports).toMatchObject([
			{
				outcomeName: 'Done',
				happened: 'Sam chopped, I stirred.',
				mutuality: 4,
				comparedName: 'Better than going it alone',
				skipped: false,
				replies: []
			}
		]);
		expect(action!.answers).toEqual([]);
	});

	it('shows a skipped week as skipped, and what the other person said through their link', async () => {
		const cast = await buildCoachingCast(t.ctx);
		const where = { practiceId: cast.practiceId, clientId: cast.client.userId };
		const { id } = await createAction(t.ctx, {
			actor: cast.actors.client,
			action: {
				what: 'Walk with Jo on Sundays',
				withName: 'Jo',
				withEmail: 'jo@example.com',
				domain: 'FRI',
				kind: 'together',
				discipline: 'commitment',
				schedule: { type: 'weekly', weekday: 7 },
				suggestionId: null,
				key: null
			}
		});
		await skipOccurrence(t.ctx, {
			actor: cast.actors.client,
			actionId: id,
			occurrence: '2026-11-29'
		});
		await askCounterpart(t.ctx, { actor: cast.actors.client, actionId: id, baseUrl: 'http://x' });
		await runDueJobs(t.ctx);
		const [mail] = await listDevMailbox(t.ctx);
		const token = /\/confirm\/(\S+)/.exec(mail!.text_body)![1]!;
		await answerCounterpart(t.ctx, {
			token,
			values: { happened: 'partly', mutuality: '3', comment: 'We walked half way.' }
		});
		const seen = await getClientOverview(t.ctx, { actor: cast.actors.coach, ...where });
		const [action] = seen.actions!.open;
		expect(action!.reports).toMatchObject([{ occurrence: '2026-11-29', skipped: true }]);
		expect(action!.answers).toMatchObject([
			{ happened: 'partly', mutuality: 3, comment: 'We walked half way.' }
		]);
	});

	it('records the coach’s visit for the roster after the view, and not the admin’s', async () => {
		const cast = await buildCoachingCast(t.ctx);
		const where = { practiceId: cast.practiceId, clientId: cast.client.userId };
		await t.ctx.db.deleteFrom('client_summaries').execute();
		const summaryRow = () =>
			t.ctx.db
				.selectFrom('client_summaries')
				.selectAll()
				.where('client_id', '=', cast.client.userId)
				.executeTakeFirst();
		const first = await getClientOverview(t.ctx, { actor: cast.actors.coach, ...where });
		expect(first.lastSeenAt).toBeNull();
		// The flush timer waits until the test says so, however slow the machine.
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		try {
			recordCoachVisit(t.ctx, first);
			// The view itself wrote nothing: the mark waits for the batch written after the response.
			expect(await summaryRow()).toBeUndefined();
		} finally {
			vi.useRealTimers();
		}
		await flushDeferredMarks(t.ctx);
		const row = (await summaryRow())!;
		expect(row.coach_seen_at).toBe('2026-11-27T09:00:00.000Z');
		expect(row.refreshed_at).toBe('2026-11-27T09:00:00.000Z');

		await sharedEntry(t.ctx, cast.actors.client, 'Something new.');
		const summary = await t.ctx.db
			.selectFrom('client_summaries')
			.select(['last_shared_at', 'refreshed_at'])
			.where('client_id', '=', cast.client.userId)
			.executeTakeFirstOrThrow();
		t.clock.advance(3_600_000);
		recordCoachVisit(t.ctx, await getClientOverview(t.ctx, { actor: cast.actors.admin, ...where }));
		const second = await getClientOverview(t.ctx, { actor: cast.actors.coach, ...where });
		expect(second.lastSeenAt).toBe('2026-11-27T09:00:00.000Z');
		recordCoachVisit(t.ctx, second);
		await flushDeferredMarks(t.ctx);
		const after = (await summaryRow())!;
		expect(after.coach_seen_at).toBe('2026-11-27T10:00:00.000Z');
		// Only the visit marks changed: the roster's own columns are left as they were.
		expect({ last_shared_at: after.last_shared_at, refreshed_at: after.refreshed_at }).toEqual(
			summary
		);
	});

	it('compares a reload with the previous visit, not with the view a moment ago', async () => {
		const cast = await buildCoachingCast(t.ctx);
		const where = { practiceId: cast.practiceId, clientId: cast.client.userId };
		const coachView = async () => {
			const seen = await getClientOverview(t.ctx, { actor: cast.actors.coach, ...where });
			recordCoachVisit(t.ctx, seen);
			return seen.lastSeenAt;
		};
		const firstVisit = t.ctx.now().toISOString();
		await coachView();
		await flushDeferredMarks(t.ctx);
		t.clock.advance(2 * 86_400_000);
		expect(await coachView()).toBe(firstVisit);
		// A reload before the mark is written, and one after: both still compare with the first visit.
		t.clock.advance(60_000);
		expect(await coachView()).toBe(firstVisit);
		await flushDeferredMarks(t.ctx);
		t.clock.advance(60_000);
		const lastLook = t.ctx.now().toISOString();
		expect(await coachView()).toBe(firstVisit);
		await flushDeferredMarks(t.ctx);
		// After a long pause the next visit compares with the coach's last look in the second one.
		t.clock.advance(3 * 3_600_000);
		expect(await coachView()).toBe(lastLook);
	});

	it('shows report-backs to no one but the client’s own coach', async () => {
		const cast = await buildCoachingCast(t.ctx);
		const where = { practiceId: cast.practiceId, clientId: cast.client.userId };
		await reportedAction(t.ctx, cast.actors.client, 'A private evening.');
		const admin = await getClientOverview(t.ctx, { actor: cast.actors.admin, ...where });
		expect(admin.actions).toBeNull();
		expect(admin.sharedEntries).toBeNull();
		expect(admin.reassessment).toBeNull();
		expect(JSON.stringify(admin)).not.toContain('private evening');
		for (const [who, actor] of Object.entries(cast.strangers)) {
			await expect(listClientActions(t.ctx, { actor, ...where }), who).rejects.toMatchObject({
				code: 'not_found'
			});
		}
	});
});
