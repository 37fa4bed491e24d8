import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { buildClient, buildCoach } from '../../../../tests/factories/accounts.ts';
import type { Actor } from '../../domain/policies.ts';
import { addMembership } from '../users/practices-repository.ts';
import { saveJournalEntry } from '../journal/save-journal-entry.ts';
import { setJournalEntrySharing } from '../journal/set-journal-entry-sharing.ts';
import { getClientOverview } from './get-client-overview.ts';

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
});
