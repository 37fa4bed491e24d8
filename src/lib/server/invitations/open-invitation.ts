import { DomainError } from '../../domain/errors.ts';
import { invitationStatus } from '../../domain/invitations.ts';
import { formatLongDate } from '../../format.ts';
import type { AppContext } from '../context.ts';
import { hashToken } from '../security/tokens.ts';
import { findInvitationWithNamesByTokenHash, type InvitationRow } from './repository.ts';

export type InvitationProblem = 'missing' | 'used' | 'expired' | 'revoked';

export interface OpenInvitation {
	row: InvitationRow;
	practiceName: string;
	inviterName: string;
}

/** A link that cannot be used: `title` and `message` say which problem, and what to do next. */
export class InvitationLinkError extends DomainError {
	readonly problem: InvitationProblem;
	readonly title: string;
	readonly acceptedBy: string | null;
	constructor(
		problem: InvitationProblem,
		title: string,
		message: string,
		acceptedBy: string | null = null
	) {
		super(problem === 'missing' ? 'not_found' : 'gone', message);
		this.problem = problem;
		this.title = title;
		this.acceptedBy = acceptedBy;
	}
}

export function missingInvitation(): InvitationLinkError {
	return new InvitationLinkError(
		'missing',
		'We cannot find this invitation',
		'The link may have been copied only in part, or it may come from an older email: when an invitation is sent again, only the newest link works. Open the link from the latest email. If it still does not work, ask the person who invited you to send it again.'
	);
}

/** The invitation behind a link, if it can still be accepted; otherwise a friendly reason. */
export async function openInvitation(
	ctx: Pick<AppContext, 'db' | 'now'>,
	token: string
): Promise<OpenInvitation> {
	if (!token || token.length > 100) throw missingInvitation();
	const found = await findInvitationWithNamesByTokenHash(ctx.db, hashToken(token));
	if (!found) throw missingInvitation();
	const { row, practiceName, inviterName } = found;
	const inviter = inviterName;
	switch (invitationStatus(row, ctx.now())) {
		case 'accepted':
			throw new InvitationLinkError(
				'used',
				'This invitation has already been used',
				`Each invitation link works once, and this one was accepted on ${formatLongDate(row.accepted_at!)}. If that was you, sign in to carry on. If it was not, let ${inviter} know.`,
				row.accepted_by
			);
		case 'revoked':
			throw new InvitationLinkError(
				'revoked',
				'This invitation was withdrawn',
				`${inviter} withdrew this invitation, so its link no longer works. If you think that is a mistake, ask ${inviter} to invite you again.`
			);
		case 'expired':
			throw new InvitationLinkError(
				'expired',
				'This invitation has expired',
				`It ran out on ${formatLongDate(row.expires_at)}. Ask ${inviter} to send it again: you will get a new link by email, good for another 14 days.`
			);
		case 'pending':
			return { row, practiceName, inviterName };
	}
}
