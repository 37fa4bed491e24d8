import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AliasNode, KyselyPlugin, OperationNode, RootOperationNode, TableNode } from 'kysely';
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
import { postReply } from '../replies/post-reply.ts';
import { getClientPage } from './get-client-page.ts';

const tableOf = (node: OperationNode | undefined): string | undefined => {
	const table = node?.kind === 'AliasNode' ? (node as AliasNode).node : node;
	return table?.kind === 'TableNode' ? (table as TableNode).table.identifier.name : undefined;
};

/** The tables each select reads ("memberships+users" for a join), in order. */
function recordSelects(into: string[]): KyselyPlugin {
	return {
		transformQuery({ node }): RootOperationNode {
			if (node.kind === 'SelectQueryNode') {
				const joined = (node.joins ?? []).map((j) => tableOf(j.table));
				into.push([tableOf(node.from?.froms[0]), ...joined].join('+'));
			}
			return node;
		},
		transformResult: async ({ result }) => result
	};
}

describe.each(testDialects())("the coach's client page on %s", (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});

	it('checks the client is in the practice once, and unwraps their key once', async () => {
		const cast = await buildCoachingCast(t.ctx);
		const client = cast.actors.client;
		const entryId = await sharedEntry(t.ctx, client, 'We cooked together.');
		const { reportId } = await reportedAction(t.ctx, client, 'Sam came round.');
		for (const [subjectType, subjectId] of [
			['entry', entryId],
			['report', reportId]
		] as const)
			await postReply(t.ctx, {
				actor: cast.actors.coach,
				subjectType,
				subjectId,
				body: 'Tell me more.',
				baseUrl: 'https://midpoint.example'
			});

		const selects: string[] = [];
		const ctx = { ...t.ctx, db: t.ctx.db.withPlugin(recordSelects(selects)) };
		const page = await getClientPage(ctx, {
			actor: cast.actors.coach,
			practiceId: cast.practiceId,
			clientId: cast.client.userId
		});
		// Everything the page shows is there: the entry, the report-back and both threads.
		expect(page.sharedEntries!.map((e) => [e.body, e.replies.length])).toEqual([
			['We cooked together.', 1]
		]);
		expect(page.actions!.open[0]!.reports.map((r) => [r.happened, r.replies.length])).toEqual([
			['Sam came round.', 1]
		]);
		// The client's place in this practice (their placement, read for the results' policy, is
		// another query).
		expect(selects.filter((tables) => tables === 'memberships+users')).toHaveLength(1);
		expect(selects.filter((table) => table === 'person_keys')).toHaveLength(1);
	});
});
