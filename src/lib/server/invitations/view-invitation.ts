import type { AppContext } from '../context.ts';
import { findUserByEmail } from '../users/repository.ts';
import { InvitationLinkError, openInvitation, type InvitationProblem } from './open-invitation.ts';
import { listSharedRoundsOf } from '../feedback/repository.ts';
import { countSharedEntries } from '../journal/repository.ts';
import { findClientMembership, findPracticeMemberByEmail } from '../practices/repository.ts';

/** What the person opening the link can do, depending on who they are. */
export type InvitationViewer =
	/** Nobody has this address yet: a form creates the account. */
	| { kind: 'new-account' }
	/** The address has an account, and nobody is signed in: sign in first, then join. */
	| { kind: 'sign-in' }
	/** Signed in as someone else: the invitation is for another address. */
	| { kind: 'wrong-account'; signedInAs: string }
	| { kind: 'already-member' }
	/** A client of another practice: they must leave it first (a client has one practice). */
	| { kind: 'in-other-practice'; practiceName: string }
	/** Signed in as the invited person: a Join button, after saying what the coach will see. */
	| { kind: 'join'; sharedEntries: number; sharedRounds: number };

export type InvitationView =
	| { state: 'problem'; problem: InvitationProblem; title: string; message: string; yours: boolean }
	| {
			state: 'open';
			invitation: {
				practiceName: string;
				inviterName: string;
				role: 'coach' | 'client';
				name: string;
				email: string;
				expiresAt: string;
			};
			viewer: InvitationViewer;
	  };

/** The accept page. Only shows: accepting is a separate POST, so mail scanners accept nothing. */
export async function viewInvitation(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: { token: string; viewer: { userId: string; email: string } | null }
): Promise<InvitationView> {
	let open;
	try {
		open = await openInvitation(ctx, input.token);
	} catch (err) {
		if (!(err instanceof InvitationLinkError)) throw err;
		const yours = !!input.viewer && err.acceptedBy === input.viewer.userId;
		return {
			state: 'problem',
			problem: err.problem,
			title: err.title,
			message: err.message,
			yours
		};
	}
	const { row } = open;
	return {
		state: 'open',
		invitation: {
			practiceName: open.practiceName,
			inviterName: open.inviterName,
			role: row.role,
			name: row.name,
			email: row.email,
			expiresAt: row.expires_at
		},
		viewer: await viewerOf(ctx, row, input.viewer)
	};
}

async function viewerOf(
	ctx: Pick<AppContext, 'db'>,
	row: { email: string; role: 'coach' | 'client'; practice_id: string },
	viewer: { userId: string; email: string } | null
): Promise<InvitationViewer> {
	if (!viewer)
		return (await findUserByEmail(ctx.db, row.email))
			? { kind: 'sign-in' }
			: { kind: 'new-account' };
	if (viewer.email !== row.email) return { kind: 'wrong-account', signedInAs: viewer.email };
	if (await findPracticeMemberByEmail(ctx.db, row.practice_id, row.email))
		return { kind: 'already-member' };
	if (row.role === 'client') {
		const current = await findClientMembership(ctx.db, viewer.userId);
		if (current) return { kind: 'in-other-practice', practiceName: current.practiceName };
	}
	// Everything already shared becomes the new coach's to read: the page names all of it.
	return {
		kind: 'join',
		sharedEntries: await countSharedEntries(ctx.db, viewer.userId),
		sharedRounds: (await listSharedRoundsOf(ctx.db, viewer.userId)).length
	};
}
