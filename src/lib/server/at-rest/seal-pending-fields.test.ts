import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseState } from '../../../../tests/support/db-state.ts';
import { buildCoachingCast } from '../../../../tests/factories/workspace.ts';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { createAction } from '../actions/create-action.ts';
import { getActionPage } from '../actions/get-action-page.ts';
import { reportBack } from '../actions/report-back.ts';
import { loadConfig } from '../config.ts';
import { createAppContext } from '../context.ts';
import { askCounterpart } from '../counterpart/ask-counterpart.ts';
import { PENDING_MARK } from './repository.ts';

const OLD = {
	what: 'Phone Ottoline about the allotment shed',
	with_email: 'ottoline.brisk@example.org',
	happened: 'She lent me her wheelbarrow without a fuss',
	note: 'Felt oddly like cucumbers and sunshine',
	comment: 'Happy to, any Sunday with lemonade'
};

describe.each(testDialects())('sealing rows written before 0048 on %s', (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => t.dispose());

	/** An action with a report-back and a link, then its text put back in clear as before 0048. */
	async function rowsFromBefore() {
		const cast = await buildCoachingCast(t.ctx);
		const me = cast.actors.client;
		const today = t.clock.now().toISOString().slice(0, 10);
		const { id } = await createAction(t.ctx, {
			actor: me,
			action: {
				what: 'x',
				withName: 'Ottoline',
				withEmail: 'x@example.org',
				domain: 'FRI',
				kind: 'ask-help',
				discipline: 'commitment',
				schedule: { type: 'date', dueOn: today },
				suggestionId: null,
				key: null
			}
		});
		await reportBack(t.ctx, {
			actor: me,
			actionId: id,
			report: {
				occurrence: today,
				outcome: 'done',
				happened: 'x',
				mutuality: 3,
				compared: 'same',
				measure: null,
				measureLabel: null,
				note: 'x'
			}
		});
		await askCounterpart(t.ctx, { actor: me, actionId: id, baseUrl: 'https://midpoint.example' });
		const db = t.ctx.db;
		await db.updateTable('actions').set({ what: OLD.what, with_email: OLD.with_email }).execute();
		await db
			.updateTable('action_reports')
			.set({ happened: OLD.happened, note: OLD.note })
			.execute();
		await db
			.updateTable('counterpart_confirmations')
			.set({ sent_to: OLD.with_email, comment: OLD.comment })
			.execute();
		await db.insertInto('app_meta').values({ name: PENDING_MARK, value: 'test' }).execute();
		return { me, id };
	}

	const readPage = async (
		ctx: TestContext['ctx'],
		actor: Parameters<typeof getActionPage>[1]['actor'],
		actionId: string
	) => {
		const page = await getActionPage(ctx, { actor, actionId, occurrence: null });
		return {
			what: page.action.what,
			with_email: page.action.withEmail,
			happened: page.reports[0]!.happened,
			note: page.reports[0]!.note,
			comment: page.confirmations[0]!.comment,
			sentTo: page.confirmations[0]!.sentTo
		};
	};

	it('reads clear rows meanwhile, and the next start seals every one of them', async () => {
		const { me, id } = await rowsFromBefore();
		// Between the migration and the first start that holds the key, pages still read them.
		expect(await readPage(t.ctx, me, id)).toEqual({ ...OLD, sentTo: OLD.with_email });
		expect(JSON.stringify(await databaseState(t.handle))).toContain(OLD.note);

		const config = loadConfig({ ...t.serverEnv, NODE_ENV: 'test', LOG_LEVEL: 'silent' });
		const started = await createAppContext(t.handle, config, { now: t.clock.now });
		const everything = JSON.stringify(await databaseState(t.handle));
		for (const clear of Object.values(OLD)) expect(everything).not.toContain(clear);
		expect(everything).not.toContain(PENDING_MARK);
		expect(await readPage(started, me, id)).toEqual({ ...OLD, sentTo: OLD.with_email });

		// A second start finds nothing to do and changes nothing.
		const before = await databaseState(t.handle);
		await createAppContext(t.handle, config, { now: t.clock.now });
		expect(await databaseState(t.handle)).toEqual(before);
	});
});
