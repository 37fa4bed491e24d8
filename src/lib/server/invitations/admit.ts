import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.ts';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/create-db.ts';
import { refreshClientSummary } from '../roster/refresh-client-summary.ts';
import { clearCoachSeen } from '../roster/repository.ts';
import { addMembership } from '../practices/repository.ts';
import { isUniqueViolation } from './access.ts';
import { missingInvitation } from './open-invitation.ts';
import { markInvitationAccepted, type InvitationRow } from './repository.ts';
import { recordSecurityEvent } from '../security-log/security-log.ts';

export const ALREADY_IN_A_PRACTICE = (practiceName: string, joining: string) =>
	`You are a client of ${practiceName} at the moment, and a client works with one practice at a time. To join ${joining}, first leave ${practiceName} from your account page, then open this link again. Nothing has changed.`;

/**
 * Uses the invitation up and makes the person a member, in one transaction: either both happen
 * or neither. `before` runs first in the same transaction (creating the account, for a new person).
 */
export async function admit(
	ctx: Pick<AppContext, 'db' | 'now' | 'log'>,
	invitation: { row: InvitationRow; practiceName: string },
	userId: string,
	before?: (trx: Db) => Promise<void>
): Promise<void> {
	const { row } = invitation;
	const at = ctx.now().toISOString();
	try {
		await ctx.db.transaction().execute(async (trx) => {
			await before?.(trx);
			// A resend between opening the page and accepting changes the hash: the old link is dead.
			if (!(await markInvitationAccepted(trx, row.id, row.token_hash, { userId, at })))
				throw missingInvitation();
			await addMembership(trx, {
				id: randomUUID(),
				practiceId: row.practice_id,
				userId,
				role: row.role,
				coachId: row.role === 'client' ? row.coach_id : null,
				at
			});
			// The practice's log shows who joined, and who let them in.
			await recordSecurityEvent(
				{ ...ctx, db: trx },
				{
					userId,
					kind: row.role === 'coach' ? 'joined-as-coach' : 'joined-as-client',
					practiceId: row.practice_id,
					actorId: row.invited_by
				}
			);
		});
	} catch (err) {
		// Another request made them a client elsewhere, or a member here, a moment before.
		if (isUniqueViolation(err))
			throw new DomainError(
				'conflict',
				'Something changed while you were accepting: you already belong to a practice as a client, or to this one. Nothing else has changed; reload the page to see where things stand.'
			);
		throw err;
	}
	// The coach's roster starts showing them with their history straight away.
	if (row.role === 'client') {
		await refreshClientSummary(ctx, userId);
		// A new coach has seen nothing yet: everything already shared counts as new to them.
		await clearCoachSeen(ctx.db, userId);
	}
}
