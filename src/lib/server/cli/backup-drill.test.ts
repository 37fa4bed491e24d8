import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildClient } from '../../../../tests/factories/accounts.ts';
import { databaseState } from '../../../../tests/support/db-state.ts';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { createAppContext } from '../context.ts';
import { loadConfig } from '../config.ts';
import { createDb, type DbHandle } from '../db/create-db.ts';
import { getJournalEntry } from '../journal/get-journal-entry.ts';
import { saveJournalEntry } from '../journal/save-journal-entry.ts';
import type { CliIo } from './io.ts';
import { runCli } from './main.ts';

const prompt = {
	step: 'examine',
	promptId: 'examine-independent-when',
	domains: [],
	disciplines: []
};

describe.each(testDialects())('the backup drill on %s', (dialect) => {
	let t: TestContext;
	let dir: string;
	let out: string[];
	let err: string[];
	const io = (): CliIo => ({
		stdout: (s) => out.push(s),
		stderr: (s) => err.push(s),
		readStdin: async () => '',
		env: { ...t.serverEnv, LOG_LEVEL: 'silent', PATH: process.env.PATH ?? '' }
	});
	const run = (...argv: string[]) => runCli(argv, io());
	/** A second connection, as another app process would have. */
	const open = (): DbHandle => createDb(loadConfig({ ...t.serverEnv, NODE_ENV: 'test' }).database);

	beforeEach(async () => {
		t = await createTestContext(dialect);
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midpoint-drill-'));
		out = [];
		err = [];
	});
	afterEach(async () => {
		await t.dispose();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	it('backs up, writes more, restores, and finds exactly the state at the backup', async () => {
		const ann = await buildClient(t.ctx);
		const me = { userId: ann.userId, practices: {} };
		const first = await saveJournalEntry(t.ctx, {
			actor: me,
			...prompt,
			body: 'Before the backup.'
		});
		const atBackup = await databaseState(t.handle);
		const file = path.join(dir, dialect === 'sqlite' ? 'midpoint.db' : 'midpoint.dump');

		expect(await run('backup', file)).toBe(0);
		expect(fs.statSync(file).mode & 0o777).toBe(0o600);
		expect(out.join('\n')).toContain('apart from your backups, never beside them');

		await buildClient(t.ctx);
		await saveJournalEntry(t.ctx, {
			actor: me,
			id: first.id,
			revision: first.revision,
			...prompt,
			body: 'Changed after.'
		});
		await saveJournalEntry(t.ctx, { actor: me, ...prompt, body: 'Written after the backup.' });
		expect(await databaseState(t.handle)).not.toEqual(atBackup);
		await t.handle.close();

		expect(await run('restore', file)).toBe(0);
		expect(out.join('\n')).toMatch(/Kept the current database as .*before-restore-/);
		const after = open();
		try {
			expect(await databaseState(after)).toEqual(atBackup);
			const ctx = await createAppContext(
				after,
				loadConfig({ ...t.serverEnv, NODE_ENV: 'test', LOG_LEVEL: 'silent' })
			);
			expect((await getJournalEntry(ctx, { actor: me, id: first.id })).body).toBe(
				'Before the backup.'
			);
		} finally {
			await after.close();
		}
		t.handle = open();
	});

	it('refuses a file that is not a backup, and changes nothing', async () => {
		await buildClient(t.ctx);
		const before = await databaseState(t.handle);
		const notes = path.join(dir, 'notes.txt');
		fs.writeFileSync(notes, 'shopping: eggs, milk\n'.repeat(200));
		expect(await run('restore', notes)).toBe(1);
		expect(err.join('\n')).toMatch(
			/is not a (PostgreSQL backup in custom format|readable SQLite database)/
		);
		expect(err.join('\n')).toContain('Nothing was changed.');
		expect(await run('restore', path.join(dir, 'missing.dump'))).toBe(1);
		expect(err.join('\n')).toContain('missing.dump does not exist.');
		expect(await run('restore')).toBe(2);
		expect(await databaseState(t.handle)).toEqual(before);
	});

	it.runIf(dialect === 'postgres')(
		'refuses a backup older than the tables the database has, changing nothing',
		async () => {
			await buildClient(t.ctx);
			const file = path.join(dir, 'older.dump');
			expect(await run('backup', file)).toBe(0);
			await sql`create table later_feature (id text)`.execute(t.ctx.db);
			await buildClient(t.ctx);
			const before = await databaseState(t.handle);
			expect(await run('restore', file)).toBe(1);
			expect(err.join('\n')).toContain(
				'The database has tables this backup does not (later_feature)'
			);
			expect(err.join('\n')).toContain('Nothing was changed.');
			expect(await databaseState(t.handle)).toEqual(before);
		}
	);

	it('keeps the master key apart: a backup made beside the key file is warned about', async () => {
		const keyFile = path.join(dir, 'keys', 'master.key');
		fs.mkdirSync(path.dirname(keyFile));
		fs.writeFileSync(keyFile, randomBytes(32).toString('base64'));
		const env = {
			...t.serverEnv,
			MIDPOINT_MASTER_KEY: '',
			MIDPOINT_MASTER_KEY_FILE: keyFile,
			LOG_LEVEL: 'silent'
		};
		expect(await runCli(['backup', path.join(dir, 'keys', 'copy.db')], { ...io(), env })).toBe(0);
		expect(err.join('\n')).toContain(`in the same folder as the key file ${keyFile}`);
	});
	it.runIf(dialect === 'sqlite')(
		'warns about a backup made beside the key store, which holds the keys it leaves out (0041)',
		async () => {
			const dataDir = t.ctx.config.dataDir;
			expect(await run('backup', path.join(dataDir, 'copy.db'))).toBe(0);
			expect(err.join('\n')).toContain(
				`in the same folder as the key store ${path.join(dataDir, 'person-keys.db')}`
			);
		}
	);
});
