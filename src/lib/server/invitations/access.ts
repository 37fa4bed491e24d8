import { DomainError } from '../../domain/errors.ts';
import { can, type Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { findPracticeMemberByEmail } from '../practices/repository.ts';
import { findInvitation, type InvitationRow } from './repository.ts';

/** An invitation the actor may resend or revoke (its sender, or an admin), else "not found". */
export async function invitationFor(
	ctx: Pick<AppContext, 'db'>,
	actor: Actor,
	id: string
): Promise<InvitationRow> {
	const row = id ? await findInvitation(ctx.db, id) : undefined;
	if (
		!row ||
		!can(actor, 'invitation.manage', { practiceId: row.practice_id, ownerId: row.invited_by })
	) {
		throw new DomainError(
			'not_found',
			'There is no such invitation, or it is not yours to change.'
		);
	}
	return row;
}

/** Refuses an address that already belongs to this practice; the sender can see its members anyway. */
export async function refuseExistingMember(
	ctx: Pick<AppContext, 'db'>,
	practice: { id: string; name: string },
	email: string
): Promise<void> {
	const member = await findPracticeMemberByEmail(ctx.db, practice.id, email);
	if (member) {
		const message = `${member.name} already belongs to ${practice.name} with this email address, so there is nothing to invite them to.`;
		throw new DomainError('invalid_input', message, { fields: { email: message } });
	}
}

/** Unique-index violations on either engine (two requests racing for the same row). */
export function isUniqueViolation(err: unknown): boolean {
	const code = (err as { code?: unknown } | null)?.code;
	return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
