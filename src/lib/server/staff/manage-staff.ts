import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.ts';
import { can, type Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { revokeOpenInvitationsBy } from '../invitations/repository.ts';
import { addMembership } from '../practices/repository.ts';
import { clearCoachSeen } from '../roster/repository.ts';
import { recordSecurityEvent } from '../security-log/security-log.ts';
import {
	deleteStaffMemberships,
	listClientsOfPractice,
	listClientsWithoutCoach,
	listStaffWithClientCounts,
	setClientCoach,
	unassignClientsOf,
	type StaffMember
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
		clients: await listClientsOfPractice(ctx.db, input.practiceId),
		you: input.actor.userId
	};
}

export const NOT_YOURSELF =
	'You cannot remove yourself here: another admin of the practice can do it.';

export const NO_COACH = 'none';

/**
 * Removes a coach or admin from the practice (decision 0031). Their clients go to whom the admin
 * chose on the form: another coach of the practice, the admin themself (who becomes a coach of
 * the practice if not one yet), or nobody for now, waiting on the staff page. Nothing of the
 * clients' is deleted. Access ends at the next request: roles are read on every request.
 */
export async function removeStaffMember(
	ctx: Ctx,
	input: {
		actor: Actor;
		practiceId: string;
		userId: string;
		confirmed: boolean;
		/** A coach's user id, the admin's own, or NO_COACH (also when absent). */
		clientsTo?: string;
	}
): Promise<{
	name: string;
	clientsWithoutCoach: number;
	movedTo?: { name: string; count: number };
}> {
	const { actor, practiceId, userId } = input;
	mayManage(actor, practiceId);
	const staff = await listStaffWithClientCounts(ctx.db, practiceId);
	const member = staff.find((s) => s.userId === userId);
	if (!member)
		throw new DomainError('not_found', 'That person is not on the staff of the practice.');
	// Only an admin removes, never themselves: so the last admin can never be removed.
	if (userId === actor.userId) throw new DomainError('conflict', NOT_YOURSELF);
	const heir = chooseHeir(staff, actor.userId, userId, input.clientsTo);
	if (!input.confirmed) {
		const message = `Tick the box to confirm that ${member.name} leaves the practice.`;
		throw new DomainError('invalid_input', message, { fields: { confirm: message } });
	}
	const at = ctx.now().toISOString();
	const clients = await ctx.db.transaction().execute(async (trx) => {
		const left = await unassignClientsOf(trx, practiceId, userId);
		if (heir && left.length > 0 && !heir.roles.includes('coach'))
			await addMembership(trx, {
				id: randomUUID(),
				practiceId,
				userId: heir.userId,
				role: 'coach',
				at
			});
		const db = { ...ctx, db: trx };
		// "Seen by the coach" was that coach's; whoever takes the client over starts fresh.
		for (const clientId of left) {
			await clearCoachSeen(trx, clientId);
			if (!heir) continue;
			await setClientCoach(trx, practiceId, clientId, heir.userId);
			await recordSecurityEvent(db, {
				userId: clientId,
				kind: 'coach-reassigned',
				practiceId,
				actorId: actor.userId
			});
		}
		await deleteStaffMemberships(trx, practiceId, userId);
		await revokeOpenInvitationsBy(trx, practiceId, userId, at);
		await recordSecurityEvent(db, {
			userId,
			kind: 'staff-removed',
			practiceId,
			actorId: actor.userId
		});
		return left;
	});
	const moved = heir ? { movedTo: { name: heir.name, count: clients.length } } : {};
	return { name: member.name, clientsWithoutCoach: heir ? 0 : clients.length, ...moved };
}

/** Who takes the removed person's clients: a coach of the practice, the admin, or nobody. */
function chooseHeir(
	staff: StaffMember[],
	adminId: string,
	removedId: string,
	clientsTo: string | undefined
): StaffMember | null {
	if (!clientsTo || clientsTo === NO_COACH) return null;
	const heir = staff.find(
		(s) =>
			s.userId === clientsTo &&
			s.userId !== removedId &&
			(s.roles.includes('coach') || s.userId === adminId)
	);
	if (heir) return heir;
	const message =
		'Choose who takes their clients: a coach of the practice, you, or nobody for now.';
	throw new DomainError('invalid_input', message, { fields: { clientsTo: message } });
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
	await recordSecurityEvent(ctx, {
		userId: input.clientId,
		kind: 'coach-reassigned',
		practiceId: input.practiceId,
		actorId: input.actor.userId
	});
	return { coachName: coach.name };
}
