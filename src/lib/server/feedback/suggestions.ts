import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.ts';
import { can, type Actor, type Resource } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { enqueueJob } from '../jobs/queue.ts';
import { suggestionEmail } from '../mail/suggestion-email.ts';
import { clientFor } from '../practices/client-in-practice.ts';
import { findUserById } from '../users/repository.ts';
import { requireOwn } from './access.ts';
import {
	answerSuggestions,
	findPendingSuggestion,
	insertSuggestion
} from './suggestion-repository.ts';

/**
 * A coach suggests that their client ask people how they see them. The suggestion carries no
 * names: the client decides whether to start a round and whom to ask, and the coach learns only
 * that the suggestion was answered, never how, and never who was asked.
 */
type Ctx = Pick<AppContext, 'db' | 'now'>;

/** Records the suggestion and emails the client, in one transaction. */
export async function suggestRound(
	ctx: Pick<AppContext, 'db' | 'now' | 'masterKey'>,
	input: { actor: Actor; practiceId: string; clientId: string; baseUrl: string }
): Promise<void> {
	const client = await clientFor(ctx.db, input.actor, input, 'feedback.suggest');
	if (await findPendingSuggestion(ctx.db, client.ownerId))
		throw new DomainError(
			'conflict',
			'You have already suggested this; your client has not answered yet.'
		);
	const coach = await findUserById(ctx.db, input.actor.userId);
	await ctx.db.transaction().execute(async (trx) => {
		await insertSuggestion(trx, {
			id: randomUUID(),
			client_id: client.ownerId,
			coach_id: input.actor.userId,
			created_at: ctx.now().toISOString(),
			answered_at: null
		});
		const message = suggestionEmail({
			to: client.email,
			clientName: client.name,
			coachName: coach?.name ?? 'Your coach',
			link: `${input.baseUrl}/feedback`
		});
		await enqueueJob({ db: trx, now: ctx.now, masterKey: ctx.masterKey }, 'email', message);
	});
}

/**
 * For the coach's client page, given the client it already found and checked: null when this
 * reader may not suggest (not the client's own coach); otherwise the day of a suggestion still
 * waiting, if any.
 */
export async function suggestionStateFor(
	ctx: Ctx,
	input: { actor: Actor; client: Resource & { ownerId: string } }
): Promise<{ pendingOn: string | null } | null> {
	if (!can(input.actor, 'feedback.suggest', input.client)) return null;
	const pending = await findPendingSuggestion(ctx.db, input.client.ownerId);
	return { pendingOn: pending ? pending.created_at.slice(0, 10) : null };
}

/** For the client: their coach's suggestion still waiting, with the coach's name. */
export async function suggestionForMe(
	ctx: Ctx,
	input: { actor: Actor }
): Promise<{ coachName: string; on: string } | null> {
	await requireOwn(ctx.db, input.actor, 'feedback.read');
	const pending = await findPendingSuggestion(ctx.db, input.actor.userId);
	if (!pending) return null;
	const coach = await findUserById(ctx.db, pending.coach_id);
	return { coachName: coach?.name ?? 'Your coach', on: pending.created_at.slice(0, 10) };
}

export async function dismissSuggestion(ctx: Ctx, input: { actor: Actor }): Promise<void> {
	await requireOwn(ctx.db, input.actor, 'feedback.manage');
	await answerSuggestions(ctx.db, input.actor.userId, ctx.now().toISOString());
}
