import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { inject } from 'vitest';
import { loadConfig } from '../../src/lib/server/config.ts';
import { createAppContext, type AppContext } from '../../src/lib/server/context.ts';
import { createDb, type Dialect, type DbHandle } from '../../src/lib/server/db/create-db.ts';
import { migrateToLatest } from '../../src/lib/server/db/migrate.ts';
import { newPostgresDatabase, newSqliteDatabase, type Templates } from './template-db.ts';

/** The engines to run repository tests on: DIALECTS=sqlite,postgres (npm test sets it). */
export function testDialects(): Dialect[] {
	const list = (process.env.DIALECTS ?? 'sqlite')
		.split(',')
		.map((d) => d.trim())
		.filter(Boolean);
	for (const d of list)
		if (d !== 'sqlite' && d !== 'postgres') throw new Error(`Unknown dialect in DIALECTS: ${d}`);
	if (list.includes('postgres') && !process.env.TEST_DATABASE_URL)
		throw new Error('DIALECTS includes postgres but TEST_DATABASE_URL is unset');
	return list as Dialect[];
}

/** A clock the test moves by hand. */
export class TestClock {
	current: Date;
	constructor(start = '2026-11-27T09:00:00.000Z') {
		this.current = new Date(start);
	}
	now = () => new Date(this.current);
	advance(ms: number) {
		this.current = new Date(this.current.getTime() + ms);
	}
}

export interface TestContext {
	ctx: AppContext;
	clock: TestClock;
	handle: DbHandle;
	/** The settings that point `midpoint serve` at this same database, with the same master key. */
	serverEnv: Record<string, string>;
	dispose(): Promise<void>;
}

/** The run's migrated templates (tests/support/global-setup.ts); none outside such a run. */
function templates(): Templates {
	try {
		return inject('midpointTemplates') ?? {};
	} catch {
		return {};
	}
}

/**
 * A fresh, migrated database of the given engine: a copy of the run's template (a temp SQLite
 * file, or a new PostgreSQL database made from the template), migrated here when there is none.
 */
export async function createTestContext(
	dialect: Dialect,
	env: Record<string, string> = {}
): Promise<TestContext> {
	let url: string | undefined;
	let dropDatabase: (() => Promise<void>) | undefined;
	let dir: string | undefined;
	let copied: boolean;
	if (dialect === 'postgres') {
		const made = await newPostgresDatabase(templates().postgres);
		({ url, copied } = made);
		dropDatabase = made.drop;
	} else {
		({ dir, copied } = newSqliteDatabase(templates().sqlite));
	}
	const masterKey = env.MIDPOINT_MASTER_KEY ?? randomBytes(32).toString('base64');
	const config = loadConfig({
		NODE_ENV: 'test',
		DATA_DIR: dir ?? os.tmpdir(),
		DATABASE_URL: url,
		LOG_LEVEL: 'silent',
		MIDPOINT_MASTER_KEY: masterKey,
		...env
	});
	// The folder a server or CLI run against this database keeps its files in (the SQLite file's
	// own folder); removed with the context, like the database.
	const dataDir = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'midpoint-test-'));
	const handle = createDb(config.database);
	if (!copied) await migrateToLatest(handle.db, handle.dialect);
	const clock = new TestClock();
	const ctx = await createAppContext(handle, config, {
		now: clock.now,
		log: pino({ level: 'silent' })
	});
	return {
		ctx,
		clock,
		handle,
		serverEnv: {
			DATA_DIR: dataDir,
			DATABASE_URL: url ?? '',
			MIDPOINT_MASTER_KEY: masterKey
		},
		async dispose() {
			await handle.close();
			await dropDatabase?.();
			fs.rmSync(dataDir, { recursive: true, force: true });
		}
	};
}
