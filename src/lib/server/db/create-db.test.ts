import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { timestamptzToIso } from './create-db.ts';

describe('timestamptz text to ISO', () => {
	it('agrees with Date for every form PostgreSQL writes', () => {
		for (const text of [
			'2026-11-27 09:30:20+00',
			'2026-11-27 09:30:20.1+00',
			'2026-11-27 09:30:20.123+00',
			'2026-11-27 09:30:20.123456+00',
			'2026-11-27 09:30:20.999999+00',
			'2026-11-27 10:30:20.5+01', // another zone goes through Date
			'1999-12-31 23:59:59.04-05:30'
		])
			expect(timestamptzToIso(text), text).toBe(new Date(text).toISOString());
	});
});

describe.each(testDialects())('timestamps on %s', (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});

	it('come back exactly as written, in the app’s ISO form', async () => {
		const at = '2026-11-27T09:30:20.123Z';
		await t.ctx.db
			.insertInto('practices')
			.values({ id: 'p1', name: 'Harbour', created_at: at })
			.execute();
		const row = await t.ctx.db
			.selectFrom('practices')
			.select(['created_at'])
			.executeTakeFirstOrThrow();
		expect(row.created_at).toBe(at);
	});
});
