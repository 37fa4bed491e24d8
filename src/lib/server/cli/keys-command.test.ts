import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { createAppContext } from '../context.ts';
import { createDb } from '../db/create-db.ts';
import { saveJournalEntry } from '../journal/save-journal-entry.ts';
import { getJournalEntry } from '../journal/get-journal-entry.ts';
import type { CliIo } from './io.ts';
import { runCli } from './main.ts';

let root: string;
let dataDir: string;
let keyFile: string;
let out: string[];
let err: string[];
const env = (extra: Record<string, string> = {}) => ({
	DATA_DIR: dataDir,
	MIDPOINT_MASTER_KEY_FILE: keyFile,
	LOG_LEVEL: 'silent',
	...extra
});
const io = (extra: Record<string, string> = {}): CliIo => ({
	stdout: (s) => out.push(s),
	stderr: (s) => err.push(s),
	readStdin: async () => '',
	env: env(extra)
});
const run = (...argv: string[]) => runCli(argv, io());
const mode = (f: string) => fs.statSync(f).mode & 0o777;
const b64 = () => randomBytes(32).toString('base64');

/** Rows a rotation may change: wrapped keys (in the key store beside the key file) and the key check. */
function keyRows() {
	const db = new SQLite(path.join(dataDir, 'midpoint.db'), { readonly: true });
	const store = new SQLite(path.join(path.dirname(keyFile), 'person-keys.db'), { readonly: true });
	try {
		const keys = store.prepare('select * from person_keys order by user_id').all();
		expect(keys).toHaveLength(1);
		return [keys, db.prepare('select * from app_meta order by name').all()];
	} finally {
		db.close();
		store.close();
	}
}

/** A person with a journal entry, written by the app with the configured key. */
async function personWithEntry(extra: Record<string, string> = {}) {
	const config = loadConfig(env({ NODE_ENV: 'test', ...extra }));
	const handle = createDb(config.database);
	try {
		const ctx = await createAppContext(handle, config);
		const row = await handle.db.selectFrom('users').select('id').executeTakeFirstOrThrow();
		const actor = { userId: row.id, practices: {} };
		const saved = await saveJournalEntry(ctx, {
			actor,
			step: 'examine',
			promptId: 'examine-independent-when',
			body: 'Only for me.',
			domains: [],
			disciplines: []
		});
		return { actor, id: saved.id };
	} finally {
		await handle.close();
	}
}

async function readEntry(entry: { actor: { userId: string; practices: object }; id: string }) {
	const config = loadConfig(env({ NODE_ENV: 'test' }));
	const handle = createDb(config.database);
	try {
		return (
			await getJournalEntry(await createAppContext(handle, config), {
				actor: { ...entry.actor, practices: {} },
				id: entry.id
			})
		).body;
	} finally {
		await handle.close();
	}
}

beforeEach(async () => {
	root = fs.mkdtempSync(path.join(os.tmpdir(), 'midpoint-keys-'));
	dataDir = path.join(root, 'data');
	keyFile = path.join(root, 'secrets', 'master.key');
	out = [];
	err = [];
	expect(
		await run(
			'create-user',
			'--email',
			'kim@example.com',
			'--name',
			'Kim',
			'--kind',
			'client',
			'--password',
			'long enough password'
		)
	).toBe(0);
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('midpoint keys, and the key file outside the data folder', () => {
	it('keeps the key where MIDPOINT_MASTER_KEY_FILE says, and every file private (0600)', async () => {
		await personWithEntry();
		expect(fs.existsSync(path.join(dataDir, 'master.key'))).toBe(false);
		expect(mode(keyFile)).toBe(0o600);
		expect(mode(path.dirname(keyFile))).toBe(0o700);
		const db = path.join(dataDir, 'midpoint.db');
		const open = new SQLite(db); // the WAL and shared-memory files exist while a connection is open
		try {
			open.prepare("insert into app_meta (name, value) values ('drill', 'x')").run();
			for (const f of [db, `${db}-wal`, `${db}-shm`]) expect([f, mode(f)]).toEqual([f, 0o600]);
		} finally {
			open.close();
		}
		// The key store lives beside the key file, private too, and never in the data folder.
		const store = path.join(path.dirname(keyFile), 'person-keys.db');
		expect(mode(store)).toBe(0o600);
		expect(fs.existsSync(path.join(dataDir, 'person-keys.db'))).toBe(false);
		const backup = path.join(root, 'backups', 'one.db');
		expect(await run('backup', backup)).toBe(0);
		expect(mode(backup)).toBe(0o600);
		expect(out.join('\n')).toContain(`they are in the key store (${store})`);
		const copy = path.join(root, 'secrets', 'keys.copy');
		expect(await run('keys', 'backup', copy)).toBe(0);
		expect(mode(copy)).toBe(0o600);
		expect(out.join('\n')).toContain(`Keep the master key (${keyFile}) apart from your backups`);
	});

	it('rotates with the new key on line 1 and the old on line 2, and the old key can then go', async () => {
		const entry = await personWithEntry();
		const oldKey = fs.readFileSync(keyFile, 'utf8').trim();
		const newKey = b64();
		fs.writeFileSync(keyFile, `${newKey}\n${oldKey}\n`);
		expect(await readEntry(entry)).toBe('Only for me.'); // the app reads with both meanwhile
		expect(await run('keys', 'rotate')).toBe(0);
		expect(out.join('\n')).toMatch(/Re-wrapped 1 people's keys .* under master key (\w{8})/);
		fs.writeFileSync(keyFile, `${newKey}\n`);
		expect(await readEntry(entry)).toBe('Only for me.');
		out = [];
		expect(await run('keys', 'status')).toBe(0);
		expect(out).toHaveLength(2); // the key written with, and one line: everything under it
		fs.writeFileSync(keyFile, `${oldKey}\n`);
		await expect(readEntry(entry)).rejects.toThrow('does not match this database');
	});

	it('refuses a wrong old key, and a rotation without one, changing nothing', async () => {
		await personWithEntry();
		const before = keyRows();
		const oldKey = fs.readFileSync(keyFile, 'utf8').trim();
		fs.writeFileSync(keyFile, `${b64()}\n${b64()}\n`);
		expect(await run('keys', 'rotate')).toBe(1);
		expect(err.join('\n')).toMatch(
			/The old key given \(\w+\) is not the one this database is wrapped with .*Nothing was changed\./
		);
		fs.writeFileSync(keyFile, `${b64()}\n`);
		expect(await run('keys', 'rotate')).toBe(1);
		expect(err.join('\n')).toContain('Give that old key as MIDPOINT_OLD_MASTER_KEY');
		expect(keyRows()).toEqual(before);
		fs.writeFileSync(keyFile, `${oldKey}\n`);
	});

	it('says what is wrong with bad input, exiting non-zero', async () => {
		expect(await run('keys')).toBe(2);
		expect(err.join('\n')).toContain('Say what to do: midpoint keys rotate');
		expect(await run('keys', 'spin')).toBe(2);
		expect(err.join('\n')).toContain('Unknown task "spin"');
		expect(await runCli(['keys', 'status'], io({ MIDPOINT_MASTER_KEY: b64() }))).toBe(1);
		expect(err.join('\n')).toContain(
			'set either MIDPOINT_MASTER_KEY or MIDPOINT_MASTER_KEY_FILE, not both'
		);
		expect(await runCli(['keys', 'status'], io({ MIDPOINT_OLD_MASTER_KEY: 'c2hvcnQ=' }))).toBe(1);
		expect(err.join('\n')).toContain('MIDPOINT_OLD_MASTER_KEY must be base64 of exactly 32 bytes');
		fs.writeFileSync(keyFile, 'not a key\n');
		expect(await run('keys', 'status')).toBe(1);
		expect(err.join('\n')).toContain('must hold one base64 key of 32 bytes a line');
	});
});
