import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildClient, buildCoach, FACTORY_PASSWORD } from '../../../../tests/factories/accounts.ts';
import { actorOf, buildCoachingCast, sharedEntry } from '../../../../tests/factories/workspace.ts';
import { requestDeletion } from '../account-deletion/request-deletion.ts';
import { runDueJobs } from '../jobs/worker.ts';
import { newPostgresDatabase } from '../../../../tests/support/template-db.ts';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { loadConfig } from '../config.ts';
import { createAppContext } from '../context.ts';
import { createDb } from '../db/create-db.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { getJournalEntry } from '../journal/get-journal-entry.ts';
import type { CliIo } from './io.ts';
import { runCli } from './main.ts';

describe.each(testDialects())('the key store copy on %s (decision 0041)', (dialect) => {
	let t: TestContext;
	let dir: string;
	let fresh: { url: string; drop: () => Promise<void> } | undefined;
	let out: string[];
	let err: string[];
	const io = (env: Record<string, string>): CliIo => ({
		stdout: (s) => out.push(s),
		stderr: (s) => err.push(s),
		readStdin: async () => '',
		env: { ...env, LOG_LEVEL: 'silent', PATH: process.env.PATH ?? '' }
	});
	const storeKeys = async () =>
		t.ctx.db.selectFrom('midpoint_keys.person_keys').selectAll().orderBy('user_id').execute();

	beforeEach(async () => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midpoint-keycopy-'));
		// The erasure ledger lives in DATA_DIR: a folder of this test's own, on either engine.
		t = await createTestContext(dialect, dialect === 'postgres' ? { DATA_DIR: dir } : {});
		out = [];
		err = [];
	});
	afterEach(async () => {
		await t.dispose();
		await fresh?.drop();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	it('with the backup, the copy and the master key, a fresh data folder reads every journal', async () => {
		// Entries shared with a coach, as people in a practice write them.
		const coach = await buildCoach(t.ctx);
		const people = [
			await buildClient(t.ctx, { coach }),
			await buildClient(t.ctx, { coach }),
			await buildClient(t.ctx, { coach })
		];
		const entries: { actor: Awaited<ReturnType<typeof actorOf>>; id: string }[] = [];
		for (const [i, p] of people.entries())
			entries.push({
				actor: await actorOf(t.ctx, p.userId),
				id: await sharedEntry(t.ctx, await actorOf(t.ctx, p.userId), `Entry number ${i}.`)
			});
		const backup = path.join(dir, 'db.backup');
		const copy = path.join(dir, 'keys', 'person-keys.copy');
		expect(await runCli(['backup', backup], io(t.serverEnv))).toBe(0);
		expect(await runCli(['keys', 'backup', copy], io(t.serverEnv))).toBe(0);
		expect(fs.statSync(copy).mode & 0o777).toBe(0o600);
		expect(out.join('\n')).toContain("Copied 3 people's wrapped data keys");
		expect(out.join('\n')).toContain('an old copy still opens the accounts deleted since');
		// Said of the copy just made, not of a database backup.
		expect(out.at(-1)).toContain('Keep this copy with the master key');
		expect(out.at(-1)).not.toContain("No person's data key is in a backup");
		expect(await runCli(['keys', 'backup', copy], io(t.serverEnv))).toBe(2);
		expect(err.join('\n')).toContain('already exists. Add --force');

		// The machine is lost: a new data folder (or database), the same master key.
		const dataDir = path.join(dir, 'new-data');
		if (dialect === 'postgres') fresh = await newPostgresDatabase(undefined);
		const env = {
			DATA_DIR: dataDir,
			DATABASE_URL: fresh?.url ?? '',
			MIDPOINT_MASTER_KEY: t.serverEnv.MIDPOINT_MASTER_KEY!
		};
		expect(await runCli(['restore', backup], io(env))).toBe(0);
		const read = async () => {
			const config = loadConfig({ ...env, NODE_ENV: 'test', LOG_LEVEL: 'silent' });
			const handle = createDb(config.database);
			try {
				await migrateToLatest(handle.db, handle.dialect);
				const ctx = await createAppContext(handle, config);
				return await Promise.all(entries.map(async (e) => (await getJournalEntry(ctx, e)).body));
			} finally {
				await handle.close();
			}
		};
		// Without the key store the app will not start (it would make everyone new keys).
		await expect(read()).rejects.toThrow(/key store .* holds no keys.*midpoint keys restore FILE/);
		// The operator asks what is there, on a database that has no key store yet.
		out = [];
		expect(await runCli(['keys', 'status'], io(env))).toBe(0);
		expect(out.join('\n')).toMatch(
			/Missing: the key store .* holds no keys.*midpoint keys restore FILE/
		);
		out = [];
		expect(await runCli(['keys', 'restore', copy], io(env))).toBe(0);
		expect(out.join('\n')).toContain("Put 3 people's keys");
		expect(out.join('\n')).toContain(`wrapped with master key ${t.ctx.masterKey.id}:`);
		expect(await read()).toEqual(['Entry number 0.', 'Entry number 1.', 'Entry number 2.']);
		// Restoring the copy again changes nothing: every key is there already.
		out = [];
		expect(await runCli(['keys', 'restore', copy], io(env))).toBe(0);
		expect(out.join('\n')).toContain("Put 0 people's keys");
		expect(out.join('\n')).toContain('3 had a key there already');
	});

	it('refuses what is not a copy of the key store, changing nothing', async () => {
		const ann = await buildClient(t.ctx, { coach: await buildCoach(t.ctx) });
		await sharedEntry(t.ctx, await actorOf(t.ctx, ann.userId), 'Something private.');
		const before = await storeKeys();
		const run = (...argv: string[]) => runCli(argv, io(t.serverEnv));
		const notes = path.join(dir, 'notes.txt');
		fs.writeFileSync(notes, 'shopping: eggs, milk\n'.repeat(200));
		expect(await run('keys', 'restore', notes)).toBe(1);
		expect(err.join('\n')).toContain('is not a readable copy of the key store');
		const backup = path.join(dir, 'db.backup');
		if (dialect === 'sqlite') {
			expect(await run('backup', backup)).toBe(0);
			expect(await run('keys', 'restore', backup)).toBe(1);
			expect(err.join('\n')).toContain('is a database backup, not a copy of the key store');
		}
		const forged = path.join(dir, 'forged.copy');
		const db = new SQLite(forged);
		db.exec('create table person_keys (user_id text, key_id text, wrapped_key text)');
		db.prepare('insert into person_keys values (?, ?, ?)').run(ann.userId, 'abc', 'not a key');
		db.close();
		expect(await run('keys', 'restore', forged)).toBe(1);
		expect(err.join('\n')).toContain("has a key that is not in Midpoint's form (row 1)");
		expect(await run('keys', 'restore', path.join(dir, 'missing.copy'))).toBe(1);
		expect(err.join('\n')).toContain('missing.copy does not exist.');
		expect(err.join('\n')).toContain('Nothing was changed.');
		expect(await run('keys', 'restore')).toBe(2);
		expect(err.join('\n')).toContain('midpoint keys restore takes one FILE');
		expect(await storeKeys()).toEqual(before);
	});
	it("never puts back a deleted account's key from an older copy", async () => {
		const { actors, client } = await buildCoachingCast(t.ctx);
		await sharedEntry(t.ctx, actors.client, 'Gone soon.');
		const env = { ...t.serverEnv, DATA_DIR: t.ctx.config.dataDir };
		const copy = path.join(dir, 'older.copy');
		expect(await runCli(['keys', 'backup', copy], io(env))).toBe(0);
		await requestDeletion(t.ctx, { actor: actors.client, password: FACTORY_PASSWORD });
		t.clock.advance(8 * 24 * 60 * 60 * 1000);
		await runDueJobs(t.ctx);
		const before = await storeKeys();
		out = [];
		expect(await runCli(['keys', 'restore', copy], io(env))).toBe(0);
		expect(out.join('\n')).toMatch(/1 belonged to deleted accounts .* and were left out/);
		expect(await storeKeys()).toEqual(before);
		expect(before.map((k) => k.user_id)).not.toContain(client.userId);
	});
});
