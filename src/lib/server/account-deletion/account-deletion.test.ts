import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { buildCoach, FACTORY_PASSWORD } from '../../../../tests/factories/accounts.ts';
import { roundForm } from '../../../../tests/factories/feedback.ts';
import { actorOf, buildCoachingCast, sharedEntry } from '../../../../tests/factories/workspace.ts';
import { createSession, resolveSession } from '../auth/sessions.ts';
import { openFeedbackRound } from '../feedback/open-round.ts';
import { sendInvitation } from '../invitations/send-invitation.ts';
import { runDueJobs } from '../jobs/worker.ts';
import { listDevMailbox } from '../mail/mailer.ts';
import { cancelDeletion, findPendingDeletion } from './cancel-deletion.ts';
import { listErasures } from './erasure-ledger.ts';
import { previewDeletion, requestDeletion, WRONG_PASSWORD } from './request-deletion.ts';

const DAY = 24 * 60 * 60 * 1000;
const SECRET = 'The thing about my brother I never said aloud';

describe.each(testDialects())('deleting an account on %s', (dialect) => {
	let t: TestContext;
	let dir: string;
	// The erasure ledger lives in DATA_DIR: a folder of this test's own, on either engine.
	beforeEach(async () => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midpoint-deletion-'));
		t = await createTestContext(dialect, dialect === 'postgres' ? { DATA_DIR: dir } : {});
	});
	afterEach(async () => {
		await t.dispose();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	const rowsOf = async (userId: string) => ({
		users: (await t.ctx.db.selectFrom('users').select('id').where('id', '=', userId).execute())
			.length,
		keys: (
			await t.ctx.db
				.selectFrom('midpoint_keys.person_keys')
				.select('user_id')
				.where('user_id', '=', userId)
				.execute()
		).length,
		journal: (
			await t.ctx.db
				.selectFrom('journal_entries')
				.select('id')
				.where('user_id', '=', userId)
				.execute()
		).length
	});

	it('refuses a wrong password and changes nothing', async () => {
		const { actors, client } = await buildCoachingCast(t.ctx);
		await expect(
			requestDeletion(t.ctx, { actor: actors.client, password: 'not my password at all' })
		).rejects.toMatchObject({ code: 'invalid_input', fields: { password: WRONG_PASSWORD } });
		// Sent empty, the box is asked for rather than called wrong.
		await expect(
			requestDeletion(t.ctx, { actor: actors.client, password: '' })
		).rejects.toMatchObject({
			code: 'invalid_input',
			fields: { password: 'Enter your password.' }
		});
		expect(await findPendingDeletion(t.ctx, { actor: actors.client })).toBeNull();
		expect((await rowsOf(client.userId)).users).toBe(1);
	});

	it('waits 7 days, can be undone, then deletes the person and their key and tells the coach', async () => {
		const { actors, client, coach } = await buildCoachingCast(t.ctx);
		await sharedEntry(t.ctx, actors.client, SECRET);
		const session = await createSession(t.ctx, client.userId);

		await requestDeletion(t.ctx, { actor: actors.client, password: FACTORY_PASSWORD });
		expect(await resolveSession(t.ctx, session.token)).toBeNull();
		const waiting = await findPendingDeletion(t.ctx, { actor: actors.client });
		expect(waiting?.deleteAfter).toBe(new Date(t.clock.now().getTime() + 7 * DAY).toISOString());
		// Signing in again shows the grace period (the session carries it).
		const again = await createSession(t.ctx, client.userId);
		expect((await resolveSession(t.ctx, again.token))?.deletionDueAt).toBe(waiting?.deleteAfter);

		// Undo, and the old job finds nothing to do even after its day.
		expect(await cancelDeletion(t.ctx, { actor: actors.client })).toBe(true);
		t.clock.advance(8 * DAY);
		await runDueJobs(t.ctx);
		expect(await rowsOf(client.userId)).toEqual({ users: 1, keys: 1, journal: 1 });

		// Asked again: on day 6 nothing is gone; after day 7 everything is.
		await requestDeletion(t.ctx, { actor: actors.client, password: FACTORY_PASSWORD });
		t.clock.advance(6 * DAY);
		await runDueJobs(t.ctx);
		expect((await rowsOf(client.userId)).users).toBe(1);
		t.clock.advance(DAY + 1000);
		await runDueJobs(t.ctx);
		expect(await rowsOf(client.userId)).toEqual({ users: 0, keys: 0, journal: 0 });
		expect(listErasures(t.ctx)).toContain(client.userId);

		await runDueJobs(t.ctx); // the coach's email
		const mail = (await listDevMailbox(t.ctx)).filter((m) => m.to_address === coach.email);
		expect(mail.map((m) => m.subject)).toEqual(['Iris Client has left Midpoint']);
		expect(mail[0]!.text_body).not.toContain(SECRET);
	});

	it('withdraws pending invitations and closes an open feedback round, as the confirm page says', async () => {
		const { actors, client, practiceId } = await buildCoachingCast(t.ctx);
		const base = 'http://localhost';
		const invitation = await sendInvitation(t.ctx, {
			actor: actors.colleague,
			practiceId,
			values: { role: 'client', name: 'Nia New', email: 'nia@example.com' },
			baseUrl: base
		});
		expect(await previewDeletion(t.ctx, { actor: actors.colleague })).toMatchObject({
			openInvitations: 1,
			blocked: null
		});
		await requestDeletion(t.ctx, { actor: actors.colleague, password: FACTORY_PASSWORD });
		const row = await t.ctx.db
			.selectFrom('invitations')
			.select('revoked_at')
			.where('id', '=', invitation.id)
			.executeTakeFirstOrThrow();
		expect(row.revoked_at).not.toBeNull();

		await openFeedbackRound(t.ctx, {
			actor: actors.client,
			values: roundForm({ FAM: 3 }, '2026-12-11'),
			baseUrl: base
		});
		expect(await previewDeletion(t.ctx, { actor: actors.client })).toMatchObject({ openRounds: 1 });
		await requestDeletion(t.ctx, { actor: actors.client, password: FACTORY_PASSWORD });
		const round = await t.ctx.db
			.selectFrom('feedback_rounds')
			.select(['closed_at', 'released'])
			.where('user_id', '=', client.userId)
			.executeTakeFirstOrThrow();
		expect(round.closed_at).not.toBeNull();
		expect(JSON.parse(round.released!).domains.FAM.status).toBe('not-enough');
	});

	it('tells an admin whose practice has other people that they cannot delete yet', async () => {
		const { actors } = await buildCoachingCast(t.ctx);
		const preview = await previewDeletion(t.ctx, { actor: actors.admin });
		expect(preview.blocked).toMatch(/still has other people/);
		await expect(
			requestDeletion(t.ctx, { actor: actors.admin, password: FACTORY_PASSWORD })
		).rejects.toMatchObject({ code: 'conflict' });

		// A coach who runs a practice alone can, and the practice (its name may be theirs) goes too.
		const alone = await buildCoach(t.ctx, { practiceName: 'Jo Lee Coaching' });
		await requestDeletion(t.ctx, {
			actor: await actorOf(t.ctx, alone.userId),
			password: FACTORY_PASSWORD
		});
		t.clock.advance(7 * DAY + 1000);
		await runDueJobs(t.ctx);
		const practice = await t.ctx.db
			.selectFrom('practices')
			.select('id')
			.where('id', '=', alone.practiceId)
			.execute();
		expect(practice).toEqual([]);
	});
});
