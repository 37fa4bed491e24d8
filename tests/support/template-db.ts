import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb } from '../../src/lib/server/db/create-db.ts';
import { migrateToLatest } from '../../src/lib/server/db/migrate.ts';

/**
 * Migrating takes most of a fresh test database's time, so a run migrates one template per
 * engine (tests/support/global-setup.ts) and every test gets a copy of it. The template holds the
 * schema only: no master key check, so each copy is keyed by the test that makes it.
 */
export interface Templates {
	/** A migrated SQLite file, its WAL folded in. */
	sqlite?: string;
	/** The name of a migrated PostgreSQL database that nobody stays connected to. */
	postgres?: string;
}

/** Runs one statement on the server's maintenance database, where databases are made and dropped. */
async function admin(statement: string): Promise<void> {
	const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
	await client.connect();
	try {
		await client.query(statement);
	} finally {
		await client.end();
	}
}

function urlOf(name: string): string {
	const u = new URL(process.env.TEST_DATABASE_URL!);
	u.pathname = `/${name}`;
	return u.toString();
}

export async function makeSqliteTemplate(): Promise<{ file: string; remove: () => void }> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midpoint-template-'));
	const file = path.join(dir, 'midpoint.db');
	// The key store is made afresh beside each test's copy (decision 0041): only the main file is copied.
	const handle = createDb({ kind: 'sqlite', file, keyStoreFile: path.join(dir, 'person-keys.db') });
	await migrateToLatest(handle.db, 'sqlite');
	// A copy of the main file alone must be whole: fold the WAL into it before copying.
	handle.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
	await handle.close();
	return { file, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export async function makePostgresTemplate(): Promise<{
	name: string;
	remove: () => Promise<void>;
}> {
	const name = `midpoint_template_${randomBytes(6).toString('hex')}`;
	await admin(`create database ${name}`);
	const handle = createDb({ kind: 'postgres', url: urlOf(name) });
	try {
		await migrateToLatest(handle.db, 'postgres');
	} finally {
		// CREATE DATABASE … TEMPLATE refuses while anyone is connected to the template.
		await handle.close();
	}
	return {
		name,
		remove: () => admin(`drop database if exists ${name} with (force)`)
	};
}

/** A new SQLite database in its own folder: the template's copy, or empty without one. */
export function newSqliteDatabase(template: string | undefined): { dir: string; copied: boolean } {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midpoint-test-'));
	if (template) fs.copyFileSync(template, path.join(dir, 'midpoint.db'));
	return { dir, copied: !!template };
}

/** A new PostgreSQL database: the template's copy, or empty without one. */
export async function newPostgresDatabase(template: string | undefined): Promise<{
	url: string;
	copied: boolean;
	drop: () => Promise<void>;
}> {
	const name = `midpoint_test_${randomBytes(6).toString('hex')}`;
	await admin(
		template ? `create database ${name} template ${template}` : `create database ${name}`
	);
	return {
		url: urlOf(name),
		copied: !!template,
		drop: () => admin(`drop database if exists ${name} with (force)`)
	};
}
