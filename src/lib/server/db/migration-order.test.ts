import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { migrateToLatest } from './migrate.ts';

/**
 * A database upgraded from a main that already ran higher-numbered migrations (0045–0048) still
 * runs a lower-numbered one merged later (0037, the coach's feedback suggestions).
 */
describe.each(testDialects())('a migration merged after higher numbers on %s', (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});

	it('runs when it arrives, and the app can use its table', async () => {
		// As a database migrated before 0037 was merged: without its table and its record.
		await t.ctx.db.schema.dropTable('feedback_suggestions').execute();
		await sql`delete from kysely_migration where name = ${'2026-11-29-0037-feedback-suggestions'}`.execute(
			t.ctx.db
		);
		const result = await migrateToLatest(t.ctx.db, dialect);
		expect(result.results?.map((r) => [r.migrationName, r.status])).toEqual([
			['2026-11-29-0037-feedback-suggestions', 'Success']
		]);
		const rows = await t.ctx.db.selectFrom('feedback_suggestions').selectAll().execute();
		expect(rows).toEqual([]);
		expect((await migrateToLatest(t.ctx.db, dialect)).results).toEqual([]);
	});
});
