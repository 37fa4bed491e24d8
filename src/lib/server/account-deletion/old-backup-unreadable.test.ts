import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildClient, buildCoach, FACTORY_PASSWORD } from '../../../../tests/factories/accounts.ts';
import { actorOf, buildCoachingCast, sharedEntry } from '../../../../tests/factories/workspace.ts';
import { newPostgresDatabase } from '../../../../tests/support/template-db.ts';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import type { CliIo } from '../cli/io.ts';
import { runCli } from '../cli/main.ts';
import { findPgTool } from '../cli/pg-tools.ts';
import { loadConfig } from '../config.ts';
import { createAppContext } from '../context.ts';
import { unwrapWithMaster, type MasterKey } from '../crypto/master-key.ts';
import { createDb } from '../db/create-db.ts';
import { getJournalEntry } from '../journal/get-journal-entry.ts';
import { runDueJobs } from '../jobs/worker.ts';
import { requestDeletion } from './request-deletion.ts';

const SECRET = 'The night I left the car at the station and walked home';
const DAY = 24 * 60 * 60 * 1000;
/** Anything in the form the master key wraps with (`v1:masterId:iv:ciphertext:tag`). */
const WRAPPED = /v1:[0-9a-f]{8}:[\w-]{16}:[\w-]{1,200}?:[\w-]{22}/g;

/** How many of the wrapped values in `text` open, with the master key, as this person's data key. */
function openableKeysOf(text: string, master: MasterKey, userId: string): number {
	let opened = 0;
	for (const [candidate] of text.matchAll(WRAPPED)) {
		try {
			if (unwrapWithMaster(master, candidate, `user-key:${userId}`).length === 32) opened++;
		} catch {
			// not this person's data key
		}
	}
	return opened;
}

/** Every row of every table in an SQLite file, as text, and the file's raw bytes. */
function sqliteText(file: string): { tables: string[]; text: string } {
	const db = new SQLite(file, { readonly: true });
	try {
		const tables = (
			db.prepare(`select name from sqlite_master where type = 'table'`).all() as { name: string }[]
		).map((t) => t.name);
		const rows = tables.map((t) => JSON.stringify(db.prepare(`select * from "${t}"`).all()));
		return { tables, text: rows.join('\n') + fs.readFileSync(file).toString('latin1') };
	} finally {
		db.close();
	}
}

/** Every row of every table in a PostgreSQL database (any schema but the system's), as text. */
async function postgresText(url: string): Promise<{ tables: string[]; text: string }> {
	const handle = createDb({ kind: 'postgres', url });
	try {
		const { rows } = await sql<{ schema: string; name: string }>`
			select table_schema as schema, table_name as name from information_schema.tables
			where table_schema not in ('pg_catalog', 'information_schema')`.execute(handle.db);
		const parts: string[] = [];
		for (const r of rows) {
			const all = await sql`select * from ${sql.table(`${r.schema}.${r.name}`)}`.execute(handle.db);
			parts.push(JSON.stringify(all.rows));
		}
		return { tables: rows.map((r) => `${r.schema}.${r.name}`), text: parts.join('\n') };
	} finally {
		await handle.close();
	}
}

describe.each(testDialects())(
	'an old backup after a deletion, on %s (decision 0041)',
	(dialect) => {
		let t: TestContext;
		let dir: string;
		let scratch: { url: string; drop: () => Promise<void> } | undefined;
		beforeEach(async () => {
			dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midpoint-old-backup-'));
			t = await createTestContext(dialect, dialect === 'postgres' ? { DATA_DIR: dir } : {});
		});
		afterEach(async () => {
			await t.dispose();
			await scratch?.drop();
			fs.rmSync(dir, { recursive: true, force: true });
		});

		it('holds no data key of the deleted person, so their journal cannot be opened even with the master key', async () => {
			const { actors, client } = await buildCoachingCast(t.ctx);
			const entryId = await sharedEntry(t.ctx, actors.client, SECRET);
			const bo = await buildClient(t.ctx, { name: 'Bo Stays', coach: await buildCoach(t.ctx) });
			const boEntry = await sharedEntry(t.ctx, await actorOf(t.ctx, bo.userId), 'Bo keeps going.');
			const env = {
				...t.serverEnv,
				DATA_DIR: t.ctx.config.dataDir,
				LOG_LEVEL: 'silent',
				PATH: process.env.PATH ?? ''
			};
			const io: CliIo = { stdout: () => {}, stderr: console.error, readStdin: async () => '', env };
			const file = path.join(dir, 'before-deletion.backup');
			expect(await runCli(['backup', file], io)).toBe(0);

			// The scan can find a key: the live key store holds the person's, and it opens.
			const live = await t.ctx.db.selectFrom('midpoint_keys.person_keys').selectAll().execute();
			expect(openableKeysOf(JSON.stringify(live), t.ctx.masterKey, client.userId)).toBe(1);

			await requestDeletion(t.ctx, { actor: actors.client, password: FACTORY_PASSWORD });
			t.clock.advance(7 * DAY + 1000);
			await runDueJobs(t.ctx);

			// The old backup, read directly with the master key and no app: the journal's ciphertext
			// is there, and no wrapped value in it opens as the person's data key.
			let backup: { tables: string[]; text: string };
			if (dialect === 'sqlite') backup = sqliteText(file);
			else {
				scratch = await newPostgresDatabase(undefined);
				const restored = spawnSync(
					findPgTool('pg_restore')!,
					['--no-owner', `--dbname=${scratch.url}`, file],
					{ encoding: 'utf8' }
				);
				expect(restored.status, restored.stderr).toBe(0);
				backup = await postgresText(scratch.url);
			}
			expect(backup.text).toContain(entryId);
			expect(backup.text).toContain(client.userId);
			expect(backup.tables.filter((n) => /user_keys|person_keys|midpoint_keys/.test(n))).toEqual(
				[]
			);
			expect(openableKeysOf(backup.text, t.ctx.masterKey, client.userId)).toBe(0);
			expect(backup.text).not.toContain(SECRET);

			// Restored into the app beside the live key store, even with the erasure ledger lost: the
			// deleted person's text does not open, everyone else's does. Without the ledger, Midpoint
			// cannot tell a deleted person's key from a lost one: it stops until the operator says
			// to go on without it.
			await t.handle.close();
			expect(await runCli(['restore', file], io)).toBe(0);
			fs.rmSync(path.join(t.ctx.config.dataDir, 'erased-accounts'), { force: true });
			const handle = createDb(loadConfig(env).database);
			try {
				await expect(
					createAppContext(handle, loadConfig({ ...env, NODE_ENV: 'test' }))
				).rejects.toThrow(/has no key for 1 person whose text the database holds encrypted/);
				const goOn = { ...env, NODE_ENV: 'test', MIDPOINT_START_WITH_LOST_KEYS: 'on' };
				const ctx = await createAppContext(handle, loadConfig(goOn));
				await expect(getJournalEntry(ctx, { actor: actors.client, id: entryId })).rejects.toThrow(
					/data key/
				);
				const boActor = await actorOf(ctx, bo.userId);
				expect((await getJournalEntry(ctx, { actor: boActor, id: boEntry })).body).toBe(
					'Bo keeps going.'
				);
			} finally {
				await handle.close();
			}
			t.handle.close = async () => {}; // closed above; dispose must not close it twice
		});
	}
);
