import { DomainError } from '../../domain/errors.ts';
import type { AppContext } from '../context.ts';
import { admit, ALREADY_IN_A_PRACTICE } from './admit.ts';
import { openInvitation } from './open-invitation.ts';
import { findClientMembership, findPracticeMemberByEmail } from '../practices/repository.ts';

/**
 * Accepts an invitation with the account the person is signed in to. Their history stays as it
 * is, and so does what they chose to share: entries already shared become visible to the coach.
 */
export async function joinPractice(
	ctx: Pick<AppContext, 'db' | 'now' | 'log'>,
	input: { token: string; user: { id: string; email: string } }
): Promise<{ practiceId: string }> {
	const invitation = await openInvitation(ctx, input.token);
	const { row, practiceName } = invitation;
	if (input.user.email !== row.email)
		throw new DomainError(
			'forbidden',
			`This invitation is for ${row.email}, and you are signed in as ${input.user.email}. Sign out, then open the link again and sign in as ${row.email}.`
		);
	if (await findPracticeMemberByEmail(ctx.db, row.practice_id, row.email))
		throw new DomainError(
			'conflict',
			`You already belong to ${practiceName}. Nothing has changed.`
		);
	if (row.role === 'client') {
		const current = await findClientMembership(ctx.db, input.user.id);
		if (current)
			throw new DomainError('conflict', ALREADY_IN_A_PRACTICE(current.practiceName, practiceName));
	}
	await admit(ctx, invitation, input.user.id);
	ctx.log.info({ userId: input.user.id, practiceId: row.practice_id }, 'invitation accepted');
	return { practiceId: row.practice_id };
}
