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
import { getActionThreads } from './get-action-threads.ts';
import { getEntryThread } from './get-entry-thread.ts';
import { listRepliesToRead } from './list-replies-to-read.ts';
import { listUnreadReplies } from './list-unread-replies.ts';
import { postReply } from './post-reply.ts';

describe.each(testDialects())('marks of unread replies on %s', (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});

	it('counts the coach’s replies the client has not read, until they read them', async () => {
		const cast = await buildCoachingCast(t.ctx);
		const client = cast.actors.client;
		const entryId = await sharedEntry(t.ctx, client, 'We cooked together.');
		const { actionId, reportId } = await reportedAction(t.ctx, client, 'Sam came round.');
		const reply = (subjectType: 'entry' | 'report', subjectId: string, body: string) =>
			postReply(t.ctx, {
				actor: cast.actors.coach,
				subjectType,
				subjectId,
				body,
				baseUrl: 'https://midpoint.example'
			});
		await reply('entry', entryId, 'What made it easy?');
		await reply('entry', entryId, 'And who suggested it?');
		await reply('report', reportId, 'Lovely.');

		expect(await listUnreadReplies(t.ctx, { actor: client })).toEqual({
			entries: { [entryId]: 2 },
			actions: { [actionId]: 1 }
		});
		// The client's own answer is not "new" to them, and nobody else sees Iris's counts.
		await postReply(t.ctx, {
			actor: client,
			subjectType: 'entry',
			subjectId: entryId,
			body: 'My sister did.',
			baseUrl: 'https://midpoint.example'
		});
		expect(await listUnreadReplies(t.ctx, { actor: cast.actors.peer })).toEqual({
			entries: {},
			actions: {}
		});

		await getEntryThread(t.ctx, { actor: client, entryId });
		await getActionThreads(t.ctx, { actor: client, actionId });
		expect(await listUnreadReplies(t.ctx, { actor: client })).toEqual({
			entries: {},
			actions: {}
		});
	});

	it('lists, for the client’s home, each entry and action with replies to read', async () => {
		const cast = await buildCoachingCast(t.ctx);
		const client = cast.actors.client;
		const entryId = await sharedEntry(t.ctx, client, 'We cooked together.');
		const { actionId, reportId } = await reportedAction(t.ctx, client, 'Sam came round.');
		const reply = (subjectType: 'entry' | 'report', subjectId: string) =>
			postReply(t.ctx, {
				actor: cast.actors.coach,
				subjectType,
				subjectId,
				body: 'Tell me more.',
				baseUrl: 'https://midpoint.example'
			});
		await reply('report', reportId);
		t.clock.advance(60_000);
		await reply('entry', entryId);
		await reply('entry', entryId);

		const toRead = await listRepliesToRead(t.ctx, { actor: client });
		expect(toRead).toEqual([
			expect.objectContaining({ on: 'entry', entryId, count: 2 }),
			{ on: 'action', actionId, what: 'Ask Sam to cook with me', count: 1 }
		]);
		expect(await listRepliesToRead(t.ctx, { actor: cast.actors.peer })).toEqual([]);

		await getEntryThread(t.ctx, { actor: client, entryId });
		expect(await listRepliesToRead(t.ctx, { actor: client })).toEqual([
			{ on: 'action', actionId, what: 'Ask Sam to cook with me', count: 1 }
		]);
	});
});
