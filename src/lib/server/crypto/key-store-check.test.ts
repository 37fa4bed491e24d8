import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildClient, buildCoach } from '../../../../tests/factories/accounts.ts';
import { actorOf, sharedEntry } from '../../../../tests/factories/workspace.ts';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { loadConfig } from '../config.ts';
import { createAppContext } from '../context.ts';
import { getJournalEntry } from '../journal/get-journal-entry.ts';

describe.each(testDialects())(
	'a key store that lost some keys, on %s (decision 0041)',
	(dialect) => {
		let t: TestContext;
		beforeEach(async () => {
			t = await createTestContext(dialect);
		});
		afterEach(async () => {
			await t.dispose();
		});

		it('stops the start naming how many people, and starts when the operator says to go on without them', async () => {
			const coach = await buildCoach(t.ctx);
			const [ann, bo] = [await buildClient(t.ctx, { coach }), await buildClient(t.ctx, { coach })];
			const annActor = await actorOf(t.ctx, ann.userId);
			const annEntry = await sharedEntry(t.ctx, annActor, 'Ann wrote this.');
			await sharedEntry(t.ctx, await actorOf(t.ctx, bo.userId), 'Bo wrote this.');
			// A person who never wrote anything has no key, and is no reason to stop.
			await buildClient(t.ctx);
			const handle = { db: t.ctx.db, dialect: t.ctx.dialect, close: async () => {} };
			const lines: string[] = [];
			const log = pino({ level: 'warn' }, { write: (line: string) => lines.push(line) });
			await createAppContext(handle, t.ctx.config, { log });
			expect(lines).toEqual([]);

			// Bo's key is gone from the store (a copy older than Bo's account was put back, say).
			await t.ctx.db
				.deleteFrom('midpoint_keys.person_keys')
				.where('user_id', '=', bo.userId)
				.execute();
			await expect(createAppContext(handle, t.ctx.config, { log })).rejects.toThrow(
				/cannot start: the key store .* has no key for 1 person whose text the database holds encrypted\. Put the key store back: midpoint keys restore FILE.*MIDPOINT_START_WITH_LOST_KEYS=on/
			);

			const config = { ...t.ctx.config, startWithLostKeys: true };
			const ctx = await createAppContext(handle, config, { log });
			expect(lines.join('\n')).toContain('Starting without the keys');
			expect(lines.join('\n')).toContain('no key for 1 person');
			expect((await getJournalEntry(ctx, { actor: annActor, id: annEntry })).body).toBe(
				'Ann wrote this.'
			);
		});

		it('takes only on or off for MIDPOINT_START_WITH_LOST_KEYS', () => {
			expect(() => loadConfig({ NODE_ENV: 'test', MIDPOINT_START_WITH_LOST_KEYS: 'yes' })).toThrow(
				'MIDPOINT_START_WITH_LOST_KEYS must be on or off'
			);
			expect(loadConfig({ NODE_ENV: 'test' }).startWithLostKeys).toBe(false);
		});
	}
);
