import { requirePasswordTyped } from '../../domain/passwords.ts';
import { DomainError } from '../../domain/errors.ts';
import { recordSecurityEvent } from '../security-log/security-log.ts';
import { can, type Actor } from '../../domain/policies.ts';
import { releaseRound } from '../../domain/feedback/pooling.ts';
import type { AppContext } from '../context.ts';
import { closeRound, listRoundsOf } from '../feedback/repository.ts';
import { enqueueJob } from '../jobs/queue.ts';
import { verifyPassword } from '../security/password-hash.ts';
import { deleteSessionsOfUser } from '../sessions/repository.ts';
import { findUserById } from '../users/repository.ts';
import {
	countOpenInvitations,
	countOthersInAdministeredPractices,
	insertDeletion,
	revokeOpenInvitations
} from './repository.ts';

export const GRACE_MS = 7 * 24 * 60 * 60 * 1000;
export const PURGE_JOB = 'account-purge';
export const WRONG_PASSWORD = 'That is not your password. Type the one you sign in with.';
export const ADMIN_WITH_OTHERS =
	'You run a practice that still has other people in it, so your account cannot be deleted here yet: every client and coach would lose their practice.';

/** What deleting will close now, for the confirm page to say before anyone types a password. */
export interface DeletionPreview {
	openInvitations: number;
	openRounds: number;
	blocked: string | null;
}

async function requireOwnAccount(ctx: Pick<AppContext, 'db'>, actor: Actor) {
	const user = await findUserById(ctx.db, actor.userId);
	if (!user || !can(actor, 'account.delete', { ownerId: user.id }))
		throw new DomainError('not_found', 'There is no such account.');
	return user;
}

export async function previewDeletion(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: { actor: Actor }
): Promise<DeletionPreview> {
	const user = await requireOwnAccount(ctx, input.actor);
	const now = ctx.now().toISOString();
	const rounds = await listRoundsOf(ctx.db, user.id);
	return {
		openInvitations: await countOpenInvitations(ctx.db, user.id, user.email, now),
		openRounds: rounds.filter((r) => r.closed_at === null).length,
		blocked: (await countOthersInAdministeredPractices(ctx.db, user.id)) ? ADMIN_WITH_OTHERS : null
	};
}

/**
 * After the password: the account waits 7 days, then a job deletes it. Right now, every session
 * ends, invitations still open (sent by or to the person) are withdrawn, and open feedback rounds
 * close with nothing shown (a release computed from no forms, through the pooling module), so
 * nobody is emailed on their behalf while they wait. Undo does not reopen those.
 */
export async function requestDeletion(
	ctx: Pick<AppContext, 'db' | 'now' | 'masterKey' | 'log'>,
	input: { actor: Actor; password: string }
): Promise<{ deleteAfter: string }> {
	const user = await requireOwnAccount(ctx, input.actor);
	requirePasswordTyped(input.password);
	if (!(await verifyPassword(user.password_hash, input.password)))
		throw new DomainError('invalid_input', WRONG_PASSWORD, {
			fields: { password: WRONG_PASSWORD }
		});
	if (await countOthersInAdministeredPractices(ctx.db, user.id))
		throw new DomainError('conflict', ADMIN_WITH_OTHERS);
	const now = ctx.now();
	const at = now.toISOString();
	const deleteAfter = new Date(now.getTime() + GRACE_MS);
	await ctx.db.transaction().execute(async (trx) => {
		await insertDeletion(trx, {
			userId: user.id,
			requestedAt: at,
			deleteAfter: deleteAfter.toISOString()
		});
		await revokeOpenInvitations(trx, user.id, user.email, at);
		for (const round of await listRoundsOf(trx, user.id))
			if (round.closed_at === null)
				await closeRound(trx, round.id, at, JSON.stringify(releaseRound([], {})));
		await deleteSessionsOfUser(trx, user.id);
		await enqueueJob({ ...ctx, db: trx }, PURGE_JOB, { userId: user.id }, deleteAfter);
		await recordSecurityEvent({ ...ctx, db: trx }, { userId: user.id, kind: 'deletion-asked' });
	});
	ctx.log.info(
		{ userId: user.id, deleteAfter: deleteAfter.toISOString() },
		'account deletion requested'
	);
	return { deleteAfter: deleteAfter.toISOString() };
}
