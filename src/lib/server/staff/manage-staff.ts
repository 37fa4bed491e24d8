import { DomainError } from '../../domain/errors.ts';
import { can, type Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { revokeOpenInvitationsBy } from '../invitations/repository.ts';
import { clearCoachSeen } from '../roster/repository.ts';
import {
	deleteStaffMemberships,
	listClientsWithoutCoach,
	listStaffWithClientCounts,
	setClientCoach,
	unassignClientsOf
} from './repository.ts';

type Ctx = Pick<AppContext, 'db' | 'now' | 'log'>;

function mayManage(actor: Actor, practiceId: string): void {
	if (!can(actor, 'practice.staff.manage', { practiceId }))
		throw new DomainError('forbidden', 'Only an admin of this practice can change its staff.');
}

/** The staff page: coaches and admins with their client counts, and clients left without a coach. */
export async function getStaffPage(ctx: Ctx, input: { actor: Actor; practiceId: string }) {
	mayManage(input.actor, input.practiceId);
	return {
		staff: await listStaffWithClientCounts(ctx.db, input.practiceId),
		clientsWithoutCoach: await listClientsWithoutCoach(ctx.db, input.practiceId),
		you: input.actor.userId
	};
}

export const NOT_YOURSELF =
	'You cannot remove yourself here: another admin of the practice can do it.';

/**
 * Removes a coach or admin from the practice (decision 0031). Their clients stay in the practice
 * without a coach until the admin gives them one; nothing of the clients' is deleted. Access ends
 * at the person's next request: roles are read from the memberships on every request.
 */
export async function removeStaffMember(
	ctx: Ctx,
	input: { actor: Actor; practiceId: string; userId: string; confirmed: boolean }
): Promise<{ name: string; clientsWithoutCoach: number }> {
	const { actor, practiceId, userId } = input;
	mayManage(actor, practiceId);
	const staff = await listStaffWithClientCounts(ctx.db, practiceId);
	const member = staff.find((s) => s.userId === userId);
	if (!member)
		throw new DomainError('not_found', 'That person is not on the staff of the practice.');
	// Only an admin removes, never themselves: so the last admin can never be removed.
	if (userId === actor.userId) throw new DomainError('conflict', NOT_YOURSELF);
	if (!input.confirmed) {
		const message = `Tick the box to confirm that ${member.name} leaves the practice.`;
		throw new DomainError('invalid_input', message, { fields: { confirm: message } });
	}
	const at = ctx.now().toISOString();
	const clients = await ctx.db.transaction().execute(async (trx) => {
		const left = await unassignClientsOf(trx, practiceId, userId);
		// "Seen by the coach" was that coach's; whoever takes the client over starts fresh.
		for (const clientId of left) await clearCoachSeen(trx, clientId);
		await deleteStaffMemberships(trx, practiceId, userId);
		await revokeOpenInvitationsBy(trx, practiceId, userId, at);
		return left;
	});
	ctx.log.info({ userId: actor.userId, removed: userId, practiceId }, 'staff member removed');
	return { name: member.name, clientsWithoutCoach: clients.length };
}

/** Gives a client of the practice a coach of the practice (also moves them between coaches). */
export async function assignCoach(
	ctx: Ctx,
	input: { actor: Actor; practiceId: string; clientId: string; coachId: string }
): Promise<{ coachName: string }> {
	mayManage(input.actor, input.practiceId);
	const staff = await listStaffWithClientCounts(ctx.db, input.practiceId);
	const coach = staff.find((s) => s.userId === input.coachId && s.roles.includes('coach'));
	if (!coach) {
		const message = 'Choose one of the coaches of the practice.';
		throw new DomainError('invalid_input', message, { fields: { coach: message } });
	}
	const done = await ctx.db.transaction().execute(async (trx) => {
		if (!(await setClientCoach(trx, input.practiceId, input.clientId, coach.userId))) return false;
		await clearCoachSeen(trx, input.clientId);
		return true;
	});
	if (!done) throw new DomainError('not_found', 'That client is no longer in the practice.');
	ctx.log.info({ userId: input.actor.userId, practiceId: input.practiceId }, 'coach assigned');
	return { coachName: coach.name };
}
