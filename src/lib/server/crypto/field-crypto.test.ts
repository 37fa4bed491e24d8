import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildClient } from '../../../../tests/factories/accounts.ts';
import { createTestContext, type TestContext } from '../../../../tests/support/test-context.ts';
import { userCipher } from './field-crypto.ts';

describe('data key ids', () => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext('sqlite');
	});
	afterEach(async () => t.dispose());

	it("are honoured on decrypt: a value sealed with one person's key is refused by another's", async () => {
		const ann = await userCipher(t.ctx.db, t.ctx.masterKey, (await buildClient(t.ctx)).userId);
		const bo = await userCipher(t.ctx.db, t.ctx.masterKey, (await buildClient(t.ctx)).userId);
		const at = { table: 'actions', column: 'what', rowId: 'a1' };
		const sealed = ann.encrypt(at, 'Call my brother');
		expect(ann.decrypt(at, sealed)).toBe('Call my brother');
		expect(() => bo.decrypt(at, sealed)).toThrow(
			/encrypted with data key [0-9a-f]{12}, not this person's/
		);
		expect(() => ann.decrypt({ ...at, rowId: 'a2' }, sealed)).toThrow();
	});
});
