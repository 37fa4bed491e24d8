import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { createDb, type DbHandle } from '../db/create-db.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadMasterKey } from './master-key.ts';

let dir: string;
let handle: DbHandle;
const config = (env: Record<string, string> = {}) =>
	loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', ...env });

beforeEach(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midpoint-key-'));
	handle = createDb(config().database);
	await migrateToLatest(handle.db, handle.dialect);
});
afterEach(async () => {
	await handle.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

describe('the master key', () => {
	it('is created as a private file on first start, and the same key is found again', async () => {
		const first = await loadMasterKey(handle.db, config());
		const file = path.join(dir, 'master.key');
		expect(fs.statSync(file).mode & 0o777).toBe(0o600);
		expect((await loadMasterKey(handle.db, config())).id).toBe(first.id);
	});

	it('stops the start when the key file is missing for a database that has one', async () => {
		await loadMasterKey(handle.db, config());
		fs.rmSync(path.join(dir, 'master.key'));
		await expect(loadMasterKey(handle.db, config())).rejects.toThrow('master key file');
		expect(fs.existsSync(path.join(dir, 'master.key'))).toBe(false);
	});

	it('stops the start when the key is the wrong one', async () => {
		await loadMasterKey(handle.db, config());
		const wrong = randomBytes(32).toString('base64');
		await expect(loadMasterKey(handle.db, config({ MIDPOINT_MASTER_KEY: wrong }))).rejects.toThrow(
			'does not match this database'
		);
	});

	it('refuses a malformed MIDPOINT_MASTER_KEY with a clear message', () => {
		expect(() => config({ MIDPOINT_MASTER_KEY: 'c2hvcnQ=' })).toThrow(
			'MIDPOINT_MASTER_KEY must be base64 of exactly 32 bytes'
		);
	});
});
