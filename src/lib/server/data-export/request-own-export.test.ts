import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { buildClient, FACTORY_PASSWORD } from '../../../../tests/factories/accounts.ts';
import { buildCoachingCast } from '../../../../tests/factories/workspace.ts';
import { REAUTH_WINDOW_MS } from '../../domain/reauth.ts';
import { logIn } from '../auth/log-in.ts';
import { noteReauthenticated, ReauthenticationNeeded } from '../auth/reauthenticate.ts';
import { resolveSession } from '../auth/sessions.ts';
import { listSecurityLog } from '../security-log/security-log.ts';
import { findUserById } from '../users/repository.ts';
import { getExportState } from './export-state.ts';
import { requestExportRecentlyConfirmed } from './request-export.ts';

describe.each(testDialects())('asking for a copy of your data, on %s', (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});

	it('asks to confirm it is you after 10 minutes, queues nothing until then, and logs the request', async () => {
		const sam = await buildClient(t.ctx);
		const { token } = await logIn(t.ctx, {
			email: sam.email,
			password: FACTORY_PASSWORD,
			address: '::1'
		});
		t.clock.advance(REAUTH_WINDOW_MS + 1000);
		const signedIn = (await resolveSession(t.ctx, token))!;
		await expect(
			requestExportRecentlyConfirmed(t.ctx, { signedIn, scope: 'person' })
		).rejects.toBeInstanceOf(ReauthenticationNeeded);
		const state = () => getExportState(t.ctx, { actor: signedIn.actor, scope: 'person' });
		expect((await state()).state).toBe('none');

		await noteReauthenticated(t.ctx, signedIn);
		await requestExportRecentlyConfirmed(t.ctx, { signedIn, scope: 'person' });
		expect((await state()).state).toBe('working');
		const log = await listSecurityLog(t.ctx, { actor: signedIn.actor, userId: sam.userId });
		expect(log[0]!.what).toBe('Copy of your data asked for');
	});

	it('asks an admin to confirm it is them before exporting the practice, after 10 minutes', async () => {
		const { practiceId, actors } = await buildCoachingCast(t.ctx);
		const email = (await findUserById(t.ctx.db, actors.admin.userId))!.email;
		const { token } = await logIn(t.ctx, { email, password: FACTORY_PASSWORD, address: '::1' });
		t.clock.advance(REAUTH_WINDOW_MS + 1000);
		const signedIn = (await resolveSession(t.ctx, token))!;
		const ask = () =>
			requestExportRecentlyConfirmed(t.ctx, { signedIn, scope: 'practice', practiceId });
		await expect(ask()).rejects.toBeInstanceOf(ReauthenticationNeeded);
		const state = () =>
			getExportState(t.ctx, { actor: signedIn.actor, scope: 'practice', practiceId });
		expect((await state()).state).toBe('none');
		await noteReauthenticated(t.ctx, signedIn);
		await ask();
		expect((await state()).state).toBe('working');
	});
});
