import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { actorOf, buildCoachingCast } from '../../../../tests/factories/workspace.ts';
import { getClientPage } from '../practices/get-client-page.ts';
import { getClientPractice } from '../practices/get-client-practice.ts';
import { assignCoach, getStaffPage, NOT_YOURSELF, removeStaffMember } from './manage-staff.ts';

describe.each(testDialects())('removing staff and giving clients a coach, on %s', (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});

	it('removes a coach: their clients stay in the practice without a coach, and the coach loses them at once', async () => {
		const cast = await buildCoachingCast(t.ctx);
		const { practiceId, client, coach, actors } = cast;
		const page = () =>
			getClientPage(t.ctx, { actor: actors.coach, practiceId, clientId: client.userId });
		await expect(page()).resolves.toHaveProperty('today');

		const removed = await removeStaffMember(t.ctx, {
			actor: actors.admin,
			practiceId,
			userId: coach.userId,
			confirmed: true
		});
		expect(removed).toEqual({ name: 'Casey Coach', clientsWithoutCoach: 2 });
		const afterwards = await actorOf(t.ctx, coach.userId);
		expect(afterwards.practices[practiceId]).toBeUndefined();
		await expect(
			getClientPage(t.ctx, { actor: afterwards, practiceId, clientId: client.userId })
		).rejects.toThrow();
		expect(await getClientPractice(t.ctx, { actor: actors.client })).toEqual({
			practiceName: 'Test Practice',
			coachName: null
		});
		const staffPage = await getStaffPage(t.ctx, { actor: actors.admin, practiceId });
		expect(staffPage.clientsWithoutCoach.map((c) => c.name)).toEqual(['Iris Client', 'Pat Peer']);
		expect(staffPage.staff.map((s) => s.name)).toEqual(['Ada Admin', 'Colin Colleague']);
	});

	it('lets the admin give a waiting client another coach, who then reads their page', async () => {
		const { practiceId, client, coach, actors } = await buildCoachingCast(t.ctx);
		await removeStaffMember(t.ctx, {
			actor: actors.admin,
			practiceId,
			userId: coach.userId,
			confirmed: true
		});
		await expect(
			assignCoach(t.ctx, {
				actor: actors.admin,
				practiceId,
				clientId: client.userId,
				coachId: coach.userId
			})
		).rejects.toThrow('Choose one of the coaches of the practice.');
		const assigned = await assignCoach(t.ctx, {
			actor: actors.admin,
			practiceId,
			clientId: client.userId,
			coachId: actors.colleague.userId
		});
		expect(assigned).toEqual({ coachName: 'Colin Colleague' });
		await expect(
			getClientPage(t.ctx, { actor: actors.colleague, practiceId, clientId: client.userId })
		).resolves.toHaveProperty('today');
		expect((await getClientPractice(t.ctx, { actor: actors.client }))?.coachName).toBe(
			'Colin Colleague'
		);
	});

	it('refuses a coach who is not an admin, an admin removing themselves, and an unticked box, changing nothing', async () => {
		const { practiceId, coach, actors, client } = await buildCoachingCast(t.ctx);
		const remove = (actor: typeof actors.admin, userId: string, confirmed = true) =>
			removeStaffMember(t.ctx, { actor, practiceId, userId, confirmed });
		await expect(remove(actors.colleague, coach.userId)).rejects.toThrow(
			'Only an admin of this practice can change its staff.'
		);
		await expect(remove(actors.elsewhere, coach.userId)).rejects.toThrow('Only an admin');
		await expect(remove(actors.admin, actors.admin.userId)).rejects.toThrow(NOT_YOURSELF);
		await expect(remove(actors.admin, coach.userId, false)).rejects.toThrow(
			'Tick the box to confirm that Casey Coach leaves the practice.'
		);
		await expect(remove(actors.admin, client.userId)).rejects.toThrow(
			'That person is not on the staff of the practice.'
		);
		await expect(
			assignCoach(t.ctx, {
				actor: actors.colleague,
				practiceId,
				clientId: client.userId,
				coachId: actors.colleague.userId
			})
		).rejects.toThrow('Only an admin');
		expect((await actorOf(t.ctx, coach.userId)).practices[practiceId]).toEqual(
			expect.arrayContaining(['coach', 'admin'])
		);
		expect((await getClientPractice(t.ctx, { actor: actors.client }))?.coachName).toBe(
			'Casey Coach'
		);
	});
});
