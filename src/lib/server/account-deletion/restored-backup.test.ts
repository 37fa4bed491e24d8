import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { FACTORY_PASSWORD } from '../../../../tests/factories/accounts.ts';
import { buildCoachingCast, sharedEntry } from '../../../../tests/factories/workspace.ts';
import { startApp } from '../app.ts';
import { runCli } from '../cli/main.ts';
import type { CliIo } from '../cli/io.ts';
import { loadConfig } from '../config.ts';
import { createDb, type Db } from '../db/create-db.ts';
import { runDueJobs } from '../jobs/worker.ts';
import { requestDeletion } from './request-deletion.ts';

const SECRET = 'What I really think of my sister, written down at last';
const DAY = 24 * 60 * 60 * 1000;

/** Takes a backup with `midpoint backup`, and puts it back after the deletion with `midpoint restore`. */
function backupTools(env: Record<string, string>, file: string) {
	const io: CliIo = {
		stdout: () => {},
		stderr: (text) => console.error(text),
		readStdin: async () => '',
		env: { ...env, PATH: process.env.PATH ?? '' }
	};
	return {
		backup: async () => expect(await runCli(['backup', file], io)).toBe(0),
		restore: async () => expect(await runCli(['restore', file], io)).toBe(0)
	};
}

const keyOf = (db: Db, userId: string) =>
	db
		.selectFrom('midpoint_keys.person_keys')
		.select('user_id')
		.where('user_id', '=', userId)
		.execute();

describe.each(testDialects())('a backup restored after a deletion, on %s', (dialect) => {
	let t: TestContext;
	let dir: string;
	beforeEach(async () => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midpoint-erasure-'));
		t = await createTestContext(dialect, dialect === 'postgres' ? { DATA_DIR: dir } : {});
	});
	afterEach(async () => {
		await t.dispose();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	it('holds no readable journal text of the deleted person once Midpoint starts on it', async () => {
		const { actors, client } = await buildCoachingCast(t.ctx);
		const entryId = await sharedEntry(t.ctx, actors.client, SECRET);
		const env = {
			...t.serverEnv,
			DATA_DIR: t.ctx.config.dataDir,
			LOG_LEVEL: 'silent',
			MIDPOINT_JOBS: 'off'
		};
		const tools = backupTools(env, path.join(dir, 'before-deletion.backup'));
		await tools.backup();

		await requestDeletion(t.ctx, { actor: actors.client, password: FACTORY_PASSWORD });
		t.clock.advance(7 * DAY + 1000);
		await runDueJobs(t.ctx);
		expect(await keyOf(t.ctx.db, client.userId)).toEqual([]);

		await t.handle.close();
		await tools.restore();
		// The restored database holds the person again, until Midpoint starts; their key it never
		// held (it is in the key store, which restore leaves as it is: decision 0041).
		const restored = createDb(loadConfig(env).database);
		const back = await restored.db
			.selectFrom('users')
			.select('id')
			.where('id', '=', client.userId)
			.execute();
		const keyBack = await keyOf(restored.db, client.userId);
		await restored.close();
		expect(back).toHaveLength(1);
		expect(keyBack).toEqual([]);
		const app = await startApp(loadConfig(env));
		try {
			const { db } = app.ctx;
			expect(
				await db.selectFrom('users').select('id').where('id', '=', client.userId).execute()
			).toEqual([]);
			expect(await keyOf(db, client.userId)).toEqual([]);
			expect(
				await db.selectFrom('journal_entries').select('id').where('id', '=', entryId).execute()
			).toEqual([]);
		} finally {
			await app.stop();
		}
		// And nothing of theirs is left in the SQLite files' bytes (the database and the key
		// store), free pages included.
		if (dialect === 'sqlite') {
			const file = path.join(t.ctx.config.dataDir, 'midpoint.db');
			const store = path.join(t.ctx.config.dataDir, 'person-keys.db');
			expect(fs.existsSync(store)).toBe(true);
			const bytes = Buffer.concat(
				[file, `${file}-wal`, store, `${store}-wal`]
					.filter((f) => fs.existsSync(f))
					.map((f) => fs.readFileSync(f))
			);
			expect(bytes.includes(Buffer.from(client.userId))).toBe(false);
			expect(bytes.includes(Buffer.from(SECRET))).toBe(false);
		}
		t.handle.close = async () => {}; // already closed above; dispose must not close it twice
	});
});
