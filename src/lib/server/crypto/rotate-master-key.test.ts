import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildClient } from '../../../../tests/factories/accounts.ts';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { loadConfig } from '../config.ts';
import { enqueueJob, claimNextJob } from '../jobs/queue.ts';
import { getJournalEntry } from '../journal/get-journal-entry.ts';
import { saveJournalEntry } from '../journal/save-journal-entry.ts';
import { loadMasterKey, masterKeyFrom, type MasterKey } from './master-key.ts';
import { RotationRefused, rotateMasterKey } from './rotate-master-key.ts';

const prompt = {
	step: 'examine',
	promptId: 'examine-independent-when',
	domains: [],
	disciplines: []
};
const b64 = (k: Buffer) => k.toString('base64');

describe.each(testDialects())('rotating the master key on %s', (dialect) => {
	let t: TestContext;
	let oldKey: Buffer;
	beforeEach(async () => {
		oldKey = randomBytes(32);
		t = await createTestContext(dialect, { MIDPOINT_MASTER_KEY: b64(oldKey) });
	});
	afterEach(async () => t.dispose());

	/** What the database holds, byte for byte: journal ciphertext and wrapped keys. */
	const snapshot = async () => ({
		bodies: await t.ctx.db
			.selectFrom('journal_entries')
			.select(['id', 'body'])
			.orderBy('id')
			.execute(),
		keys: await t.ctx.db
			.selectFrom('midpoint_keys.person_keys')
			.selectAll()
			.orderBy('user_id')
			.execute(),
		meta: await t.ctx.db.selectFrom('app_meta').selectAll().orderBy('name').execute(),
		jobs: await t.ctx.db.selectFrom('jobs').select(['id', 'payload']).orderBy('id').execute()
	});
	const ctxWith = (master: MasterKey) => ({ ...t.ctx, masterKey: master });

	async function twoPeopleWriting() {
		const ann = await buildClient(t.ctx);
		const bo = await buildClient(t.ctx);
		const a = await saveJournalEntry(t.ctx, {
			actor: { userId: ann.userId, practices: {} },
			...prompt,
			body: 'Ann asked her sister for help.'
		});
		const b = await saveJournalEntry(t.ctx, {
			actor: { userId: bo.userId, practices: {} },
			...prompt,
			body: 'Bo let a friend drive.'
		});
		await enqueueJob(t.ctx, 'email', { to: 'ann@example.com', subject: 'Hi' });
		return { ann: { ...ann, entry: a.id }, bo: { ...bo, entry: b.id } };
	}

	it('re-wraps every key under the new one without touching content, and both read meanwhile', async () => {
		const { ann, bo } = await twoPeopleWriting();
		const before = await snapshot();
		const newKey = randomBytes(32);
		const during = masterKeyFrom(newKey, [oldKey]);
		// The app, restarted with both keys, reads old-wrapped keys and starts new people under the new key.
		const cara = await buildClient(t.ctx);
		const c = await saveJournalEntry(ctxWith(during), {
			actor: { userId: cara.userId, practices: {} },
			...prompt,
			body: 'Cara said no.'
		});
		expect(
			(
				await getJournalEntry(ctxWith(during), {
					actor: { userId: ann.userId, practices: {} },
					id: ann.entry
				})
			).body
		).toBe('Ann asked her sister for help.');

		const result = await rotateMasterKey(t.ctx.db, during);
		expect(result).toEqual({ rewrapped: 2, alreadyCurrent: 1, jobs: 1 });
		const after = await snapshot();
		expect(after.bodies.filter((r) => r.id !== c.id)).toEqual(before.bodies);
		for (const k of after.keys) expect(k.wrapped_key.split(':')[1]).toBe(during.id);
		expect(after.keys.map((k) => k.key_id)).toEqual(
			expect.arrayContaining(before.keys.map((k) => k.key_id))
		);

		// With the old key gone, everything still reads: the start check, entries, the queued email.
		const config = loadConfig({
			...t.serverEnv,
			NODE_ENV: 'test',
			LOG_LEVEL: 'silent',
			MIDPOINT_MASTER_KEY: b64(newKey)
		});
		const onlyNew = await loadMasterKey(t.ctx.db, config);
		expect(onlyNew.previous).toBeUndefined();
		expect(
			(
				await getJournalEntry(ctxWith(onlyNew), {
					actor: { userId: bo.userId, practices: {} },
					id: bo.entry
				})
			).body
		).toBe('Bo let a friend drive.');
		expect(
			(
				await getJournalEntry(ctxWith(onlyNew), {
					actor: { userId: cara.userId, practices: {} },
					id: c.id
				})
			).body
		).toBe('Cara said no.');
		expect((await claimNextJob(ctxWith(onlyNew)))?.payload).toEqual({
			to: 'ann@example.com',
			subject: 'Hi'
		});
		// And the old key alone no longer opens this database.
		const oldOnly = loadConfig({
			...t.serverEnv,
			NODE_ENV: 'test',
			MIDPOINT_MASTER_KEY: b64(oldKey)
		});
		await expect(loadMasterKey(t.ctx.db, oldOnly)).rejects.toThrow('does not match this database');
	});

	it('refuses a wrong old key, or none, and changes nothing', async () => {
		await twoPeopleWriting();
		const before = await snapshot();
		const newKey = randomBytes(32);
		await expect(
			rotateMasterKey(t.ctx.db, masterKeyFrom(newKey, [randomBytes(32)]))
		).rejects.toThrow(
			/The old key given \(\w+\) is not the one this database is wrapped with .*Nothing was changed\./
		);
		await expect(rotateMasterKey(t.ctx.db, masterKeyFrom(newKey))).rejects.toThrow(RotationRefused);
		await expect(rotateMasterKey(t.ctx.db, masterKeyFrom(newKey))).rejects.toThrow(
			'MIDPOINT_OLD_MASTER_KEY'
		);
		expect(await snapshot()).toEqual(before);
	});

	it('is safe to run twice: the second run finds everything current', async () => {
		await twoPeopleWriting();
		const during = masterKeyFrom(randomBytes(32), [oldKey]);
		await rotateMasterKey(t.ctx.db, during);
		const once = await snapshot();
		expect(await rotateMasterKey(t.ctx.db, during)).toEqual({
			rewrapped: 0,
			alreadyCurrent: 2,
			jobs: 0
		});
		expect(await snapshot()).toEqual(once);
	});
});
