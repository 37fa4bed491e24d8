import SQLite from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { unavailability } from './unavailable.ts';

// Real errors from the real drivers, not hand-made objects: the 503 page depends on these codes.
describe('which database errors mean "unavailable"', () => {
	it('a PostgreSQL server that is not listening is unreachable', async () => {
		const client = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:1/none' });
		const err = await client.connect().catch((e: unknown) => e);
		expect(unavailability(err)).toBe('unreachable');
	});

	it('SQLite that cannot write (read-only, full) is a storage problem', () => {
		const db = new SQLite(':memory:');
		db.exec('create table t (x text)');
		db.pragma('query_only = 1');
		const readOnly = (() => {
			try {
				db.exec("insert into t values ('a')");
			} catch (e) {
				return e;
			}
		})();
		expect(unavailability(readOnly)).toBe('storage');
		db.pragma('query_only = 0');
		db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true })}`);
		const full = (() => {
			try {
				db.prepare('insert into t values (?)').run('x'.repeat(100_000));
			} catch (e) {
				return e;
			}
		})();
		expect((full as { code: string }).code).toBe('SQLITE_FULL');
		expect(unavailability(full)).toBe('storage');
	});

	it('a mistake in the code is not an outage', () => {
		const db = new SQLite(':memory:');
		const err = (() => {
			try {
				db.exec('select * from nowhere');
			} catch (e) {
				return e;
			}
		})();
		expect(unavailability(err)).toBeNull();
		expect(unavailability(new Error('boom'))).toBeNull();
	});
});
