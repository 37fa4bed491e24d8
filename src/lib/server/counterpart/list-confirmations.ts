import type { Actor } from '../../domain/policies.ts';
import { actionFor } from '../actions/access.ts';
import type { AppContext } from '../context.ts';

export interface ConfirmationView {
	sentTo: string;
	createdAt: string;
	expiresAt: string;
	answeredAt: string | null;
	happened: 'yes' | 'partly' | 'no' | null;
	mutuality: number | null;
	comment: string | null;
}

/** The links sent for an action and what came back, for whoever may read the action. */
export async function listConfirmations(
	ctx: Pick<AppContext, 'db'>,
	input: { actor: Actor; actionId: string }
): Promise<ConfirmationView[]> {
	const action = await actionFor(ctx.db, input.actor, input.actionId, 'action.read');
	const rows = await ctx.db
		.selectFrom('counterpart_confirmations')
		.select([
			'sent_to',
			'created_at',
			'expires_at',
			'answered_at',
			'happened',
			'mutuality',
			'comment'
		])
		.where('action_id', '=', action.id)
		.orderBy('created_at', 'desc')
		.execute();
	return rows.map((r) => ({
		sentTo: r.sent_to,
		createdAt: r.created_at,
		expiresAt: r.expires_at,
		answeredAt: r.answered_at,
		happened: r.happened,
		mutuality: r.mutuality,
		comment: r.comment
	}));
}
