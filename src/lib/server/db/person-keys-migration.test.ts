import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newPostgresDatabase } from '../../../../tests/support/template-db.ts';
import { testDialects } from '../../../../tests/support/test-context.ts';
import { loadConfig, type Config } from '../config.ts';
import { seal } from '../crypto/aead.ts';
import { userCipher } from '../crypto/field-crypto.ts';
import { masterKeyFrom, wrapWithMaster } from '../crypto/master-key.ts';
import { createDb, type Dialect } from './create-db.ts';
import { migrateToLatest, migrations } from './migrate.ts';

const BEFORE = '2026-11-29-0062-session-place';

/** A database as it was before the key store: migrated up to BEFORE only. */
async function migrateUpTo(config: Config, dialect: Dialect) {
	const handle = createDb(config.database);
	const migrator = new Migrator({
		db: handle.db,
		provider: { getMigrations: async () => migrations(dialect) },
		allowUnorderedMigrations: true
	});
	const result = await migrator.migrateTo(BEFORE);
	if (result.error) throw result.error;
	return handle;
}

describe.each(testDialects())('migration 0070 on %s (decision 0041)', (dialect) => {
	let dir: string;
	let pg: { url: string; drop: () => Promise<void> } | undefined;
	beforeEach(async () => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midpoint-0070-'));
		if (dialect === 'postgres') pg = await newPostgresDatabase(undefined);
	});
	afterEach(async () => {
		await pg?.drop();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	it('moves every wrapped key into the key store as it is, and the old table goes', async () => {
		const config = loadConfig({ DATA_DIR: dir, DATABASE_URL: pg?.url, LOG_LEVEL: 'silent' });
		const master = masterKeyFrom(randomBytes(32));
		const handle = await migrateUpTo(config, dialect);
		const userId = randomUUID();
		const dataKey = randomBytes(32);
		const wrapped = wrapWithMaster(master, dataKey, `user-key:${userId}`);
		const at = new Date().toISOString();
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		const old = handle.db as any;
		await old
			.insertInto('users')
			.values({
				id: userId,
				email: 'old@example.com',
				name: 'Old Timer',
				password_hash: 'x',
				kind: 'client',
				created_at: at,
				password_changed_at: at
			})
			.execute();
		await old
			.insertInto('user_keys')
			.values({ user_id: userId, key_id: 'a1b2c3d4e5f6', wrapped_key: wrapped })
			.execute();
		const address = { table: 'journal_entries', column: 'body', rowId: 'e1' };
		const s = seal(dataKey, Buffer.from('Written long ago.'), 'journal_entries:body:e1');
		const stored = `v1:a1b2c3d4e5f6:${s.iv}:${s.ciphertext}:${s.tag}`;

		await migrateToLatest(handle.db, dialect);
		const moved = await handle.db.selectFrom('midpoint_keys.person_keys').selectAll().execute();
		expect(moved).toEqual([
			{ user_id: userId, key_id: 'a1b2c3d4e5f6', wrapped_key: wrapped, orphaned_at: null }
		]);
		await expect(sql`select * from user_keys`.execute(handle.db)).rejects.toThrow();
		expect((await userCipher(handle.db, master, userId)).decrypt(address, stored)).toBe(
			'Written long ago.'
		);
		// Running the migrations again (another process starting) changes nothing.
		await migrateToLatest(handle.db, dialect);
		expect(await handle.db.selectFrom('midpoint_keys.person_keys').selectAll().execute()).toEqual(
			moved
		);
		await handle.close();
		// On SQLite the database file keeps no copy of the wrapped key, free pages included.
		if (config.database.kind === 'sqlite') {
			const file = config.database.file;
			const bytes = [file, `${file}-wal`]
				.filter((f) => fs.existsSync(f))
				.map((f) => fs.readFileSync(f));
			expect(Buffer.concat(bytes).includes(Buffer.from(wrapped))).toBe(false);
			expect(fs.readFileSync(config.database.keyStoreFile).includes(Buffer.from(wrapped))).toBe(
				true
			);
		}
	});
	it.runIf(dialect === 'postgres')(
		'runs for a role that may not create schemas once the operator has made midpoint_keys for it',
		async () => {
			const role = `midpoint_r_${randomBytes(4).toString('hex')}`;
			const admin = createDb({ kind: 'postgres', url: pg!.url });
			const asRole = new URL(pg!.url);
			asRole.username = role;
			try {
				await sql.raw(`create role ${role} login`).execute(admin.db);
				await sql.raw(`grant usage, create on schema public to ${role}`).execute(admin.db);
				const config = loadConfig({ DATABASE_URL: asRole.toString(), LOG_LEVEL: 'silent' });
				const handle = await migrateUpTo(config, dialect);
				try {
					await expect(migrateToLatest(handle.db, dialect)).rejects.toThrow(/permission denied/);
					await sql.raw(`create schema midpoint_keys authorization ${role}`).execute(admin.db);
					await migrateToLatest(handle.db, dialect);
					await migrateToLatest(handle.db, dialect); // every later start: no DDL, no error
					expect(
						await handle.db.selectFrom('midpoint_keys.person_keys').selectAll().execute()
					).toEqual([]);
				} finally {
					await handle.close();
				}
			} finally {
				await admin.close();
				await pg!.drop();
				pg = undefined;
				const server = createDb({ kind: 'postgres', url: process.env.TEST_DATABASE_URL! });
				await sql.raw(`drop role if exists ${role}`).execute(server.db);
				await server.close();
			}
		}
	);
});
