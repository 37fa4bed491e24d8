import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { actorOf, buildCoachingCast } from '../../../../tests/factories/workspace.ts';
import { eraseAccountRows } from '../account-deletion/repository.ts';
import { logIn } from '../auth/log-in.ts';
import { requestExport } from '../data-export/request-export.ts';
import { getClientPage } from '../practices/get-client-page.ts';
import { getClientPractice } from '../practices/get-client-practice.ts';
import { listPracticeSecurityLog, listSecurityLog } from '../security-log/security-log.ts';
import { findUserById } from '../users/repository.ts';
import { deactivateClient } from './deactivate-client.ts';
import { getStaffPage, NO_COACH, removeStaffMember } from './manage-staff.ts';

describe.each(testDialects())('staff changes and the practice security log, on %s', (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});

	it("gives the removed coach's clients to the coach the admin chose, who reads them at once", async () => {
		const { practiceId, client, coach, actors } = await buildCoachingCast(t.ctx);
		const removed = await removeStaffMember(t.ctx, {
			actor: actors.admin,
			practiceId,
			userId: coach.userId,
			confirmed: true,
			clientsTo: actors.colleague.userId
		});
		expect(removed).toEqual({
			name: 'Casey Coach',
			clientsWithoutCoach: 0,
			movedTo: { name: 'Colin Colleague', count: 2 }
		});
		const page = await getStaffPage(t.ctx, { actor: actors.admin, practiceId });
		expect(page.clientsWithoutCoach).toEqual([]);
		await expect(
			getClientPage(t.ctx, { actor: actors.colleague, practiceId, clientId: client.userId })
		).resolves.toHaveProperty('today');
		expect(await getClientPractice(t.ctx, { actor: actors.client })).toMatchObject({
			coachName: 'Colin Colleague'
		});
	});

	it('gives them to the admin themself, who becomes a coach of the practice', async () => {
		const { practiceId, client, coach, actors } = await buildCoachingCast(t.ctx);
		await removeStaffMember(t.ctx, {
			actor: actors.admin,
			practiceId,
			userId: coach.userId,
			confirmed: true,
			clientsTo: actors.admin.userId
		});
		const admin = await actorOf(t.ctx, actors.admin.userId);
		expect([...admin.practices[practiceId]!].sort()).toEqual(['admin', 'coach']);
		await expect(
			getClientPage(t.ctx, { actor: admin, practiceId, clientId: client.userId })
		).resolves.toHaveProperty('today');
	});

	it('refuses the removed coach, a client or a stranger as the one to take the clients, changing nothing', async () => {
		const { practiceId, client, coach, actors } = await buildCoachingCast(t.ctx);
		for (const clientsTo of [coach.userId, client.userId, actors.elsewhere.userId, 'made-up'])
			await expect(
				removeStaffMember(t.ctx, {
					actor: actors.admin,
					practiceId,
					userId: coach.userId,
					confirmed: true,
					clientsTo
				})
			).rejects.toThrow('Choose who takes their clients');
		const page = await getStaffPage(t.ctx, { actor: actors.admin, practiceId });
		expect(page.staff.find((s) => s.userId === coach.userId)?.clientCount).toBe(2);
		const removed = await removeStaffMember(t.ctx, {
			actor: actors.admin,
			practiceId,
			userId: coach.userId,
			confirmed: true,
			clientsTo: NO_COACH
		});
		expect(removed.clientsWithoutCoach).toBe(2);
	});

	it('takes a client out of the practice: the account and its data stay, the coach loses them', async () => {
		const { practiceId, client, actors } = await buildCoachingCast(t.ctx);
		const input = { actor: actors.admin, practiceId, clientId: client.userId };
		await expect(deactivateClient(t.ctx, { ...input, confirmed: false })).rejects.toThrow(
			'Tick the box to confirm that Iris Client leaves the practice.'
		);
		for (const actor of [actors.colleague, actors.client, actors.peer, actors.elsewhere])
			await expect(deactivateClient(t.ctx, { ...input, actor, confirmed: true })).rejects.toThrow(
				'Only an admin of this practice'
			);
		expect(await deactivateClient(t.ctx, { ...input, confirmed: true })).toEqual({
			name: 'Iris Client'
		});
		expect(await findUserById(t.ctx.db, client.userId)).toBeDefined();
		await expect(
			getClientPage(t.ctx, { actor: actors.coach, practiceId, clientId: client.userId })
		).rejects.toThrow();
		expect(
			await getClientPractice(t.ctx, { actor: await actorOf(t.ctx, client.userId) })
		).toBeNull();
		await expect(deactivateClient(t.ctx, { ...input, confirmed: true })).rejects.toThrow(
			'Choose one of the clients of the practice.'
		);
		const own = await listSecurityLog(t.ctx, { actor: actors.client, userId: client.userId });
		expect(own[0]!.what).toBe('Taken out of a practice by its admin');
	});

	it("shows the admin the practice's staff events, and a staff lockout, with names and no addresses", async () => {
		const { practiceId, client, coach, actors } = await buildCoachingCast(t.ctx);
		const step = () => t.clock.advance(60_000);
		const colinEmail = (await findUserById(t.ctx.db, actors.colleague.userId))!.email;
		for (let i = 0; i < 6; i++)
			await logIn(t.ctx, { email: colinEmail, password: 'not it', address: '198.51.100.4' }).catch(
				() => null
			);
		step();
		await requestExport(t.ctx, { actor: actors.admin, scope: 'practice', practiceId });
		step();
		await removeStaffMember(t.ctx, {
			actor: actors.admin,
			practiceId,
			userId: coach.userId,
			confirmed: true,
			clientsTo: actors.colleague.userId
		});
		step();
		await deactivateClient(t.ctx, {
			actor: actors.admin,
			practiceId,
			clientId: client.userId,
			confirmed: true
		});
		const log = await listPracticeSecurityLog(t.ctx, { actor: actors.admin, practiceId });
		// The removal and its two moved clients share one moment: their order is not fixed.
		const rows = log.map((e) => `${e.who} · ${e.what} · ${e.by ?? 'nobody'}`);
		expect([rows[0], ...rows.slice(1, 4).sort(), rows[4], rows[5]]).toEqual([
			'Iris Client · Taken out of the practice · Ada Admin',
			'Casey Coach · Removed from the staff · Ada Admin',
			'Iris Client · Given a new coach · Ada Admin',
			'Pat Peer · Given a new coach · Ada Admin',
			'Ada Admin · Asked for an export of the practice · Ada Admin',
			'Colin Colleague · Sign-in locked after too many wrong passwords · nobody'
		]);
		expect(rows).toHaveLength(6);
		expect(JSON.stringify(log)).not.toContain('@');
		for (const actor of [actors.colleague, actors.peer, actors.elsewhere])
			await expect(listPracticeSecurityLog(t.ctx, { actor, practiceId })).rejects.toThrow(
				'Only an admin of this practice can read its security log.'
			);
	});

	it("keeps a staff event in the practice's log, without the admin, once the admin's account is erased", async () => {
		const { practiceId, actors } = await buildCoachingCast(t.ctx);
		await removeStaffMember(t.ctx, {
			actor: actors.admin,
			practiceId,
			userId: actors.colleague.userId,
			confirmed: true
		});
		const ada = (await findUserById(t.ctx.db, actors.admin.userId))!;
		await eraseAccountRows(t.ctx.db, ada.id, ada.email);
		const log = await listPracticeSecurityLog(t.ctx, { actor: actors.coach, practiceId });
		expect(log.map((e) => [e.who, e.what, e.by])).toEqual([
			['Colin Colleague', 'Removed from the staff', null]
		]);
		const byAda = await t.ctx.db
			.selectFrom('security_events')
			.select('id')
			.where('actor_id', '=', ada.id)
			.execute();
		expect(byAda).toEqual([]);
	});
});
