import { spawnSync } from 'node:child_process';
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
import { createDb } from '../db/create-db.ts';
import { runDueJobs } from '../jobs/worker.ts';
import { requestDeletion } from './request-deletion.ts';

const SECRET = 'What I really think of my sister, written down at last';
const DAY = 24 * 60 * 60 * 1000;

/** Takes a backup with the engine's tool, and puts it back after the deletion. */
function backupTools(t: TestContext, env: Record<string, string>, file: string) {
	const io: CliIo = {
		stdout: () => {},
		stderr: (text) => console.error(text),
		readStdin: async () => '',
		env
	};
	if (t.handle.dialect === 'sqlite')
		return {
			backup: async () => expect(await runCli(['backup', file], io)).toBe(0),
			restore: async () => expect(await runCli(['restore', file], io)).toBe(0)
		};
	const url = env.DATABASE_URL!;
	const run = (cmd: string, args: string[]) => {
		const r = spawnSync(cmd, args, { encoding: 'utf8' });
		expect(r.status, r.stderr).toBe(0);
	};
	return {
		backup: async () => run('pg_dump', ['--format=custom', `--file=${file}`, url]),
		restore: async () =>
			run('pg_restore', ['--clean', '--if-exists', '--no-owner', `--dbname=${url}`, file])
	};
}

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
		const tools = backupTools(t, env, path.join(dir, 'before-deletion.backup'));
		await tools.backup();

		await requestDeletion(t.ctx, { actor: actors.client, password: FACTORY_PASSWORD });
		t.clock.advance(7 * DAY + 1000);
		await runDueJobs(t.ctx);
		const wrapped = await t.ctx.db.selectFrom('user_keys').selectAll().execute();
		expect(wrapped.map((k) => k.user_id)).not.toContain(client.userId);

		await t.handle.close();
		await tools.restore();
		// The restored database holds the person and their wrapped key again, until Midpoint starts.
		const restored = createDb(loadConfig(env).database);
		const back = await restored.db
			.selectFrom('user_keys')
			.select('user_id')
			.where('user_id', '=', client.userId)
			.execute();
		await restored.close();
		expect(back).toHaveLength(1);
		const app = await startApp(loadConfig(env));
		try {
			const { db } = app.ctx;
			expect(
				await db.selectFrom('users').select('id').where('id', '=', client.userId).execute()
			).toEqual([]);
			expect(
				await db
					.selectFrom('user_keys')
					.select('user_id')
					.where('user_id', '=', client.userId)
					.execute()
			).toEqual([]);
			expect(
				await db.selectFrom('journal_entries').select('id').where('id', '=', entryId).execute()
			).toEqual([]);
		} finally {
			await app.stop();
		}
		// And nothing of theirs is left in the SQLite file's bytes, free pages included.
		if (dialect === 'sqlite') {
			const file = path.join(t.ctx.config.dataDir, 'midpoint.db');
			const bytes = Buffer.concat(
				[file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f))
			);
			expect(bytes.includes(Buffer.from(client.userId))).toBe(false);
			expect(bytes.includes(Buffer.from(SECRET))).toBe(false);
		}
		t.handle.close = async () => {}; // already closed above; dispose must not close it twice
	});
});
