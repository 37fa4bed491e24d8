import { z } from 'zod';
import { DomainError } from '../../domain/errors.ts';
import { fieldErrors } from '../../domain/schemas/auth.ts';
import type { AppContext } from '../context.ts';
import { hashToken } from '../security/tokens.ts';

const problems = {
	missing: 'This link is not valid. It may have been copied only in part.',
	used: 'Thank you: this link has already been used to answer. Nothing more is needed.',
	expired:
		'This link has expired. If you still want to answer, ask the person who sent it for a new one.'
};

export interface CounterpartView {
	clientName: string;
	withName: string;
	what: string;
}

async function findOpen(ctx: Pick<AppContext, 'db' | 'now'>, token: string) {
	const row = await ctx.db
		.selectFrom('counterpart_confirmations as c')
		.innerJoin('actions as a', 'a.id', 'c.action_id')
		.innerJoin('users as u', 'u.id', 'a.user_id')
		.select(['c.id', 'c.expires_at', 'c.answered_at', 'a.what', 'a.with_name', 'u.name'])
		.where('c.token_hash', '=', hashToken(token))
		.executeTakeFirst();
	if (!row) throw new DomainError('not_found', problems.missing);
	if (row.answered_at) throw new DomainError('gone', problems.used);
	if (row.expires_at <= ctx.now().toISOString()) throw new DomainError('gone', problems.expired);
	return row;
}

/** What the other person is asked about: the action and who asked, nothing else of the client's. */
export async function viewCounterpartRequest(
	ctx: Pick<AppContext, 'db' | 'now'>,
	token: string
): Promise<CounterpartView> {
	const row = await findOpen(ctx, token);
	// First name only: the other person knows who asked; the link shares no more than needed.
	return {
		clientName: row.name.split(' ')[0] ?? row.name,
		withName: row.with_name,
		what: row.what
	};
}

export const answerSchema = z.object({
	happened: z.enum(['yes', 'partly', 'no'], 'Say whether it happened.'),
	mutuality: z.coerce
		.number('Choose how mutual it felt.')
		.int()
		.min(1, 'Choose how mutual it felt.')
		.max(5, 'Choose how mutual it felt.'),
	comment: z.string().trim().max(500, 'Keep the comment to 500 characters.').optional()
});

/** Records the answer; the link is used up by the same statement that saves it. */
export async function answerCounterpart(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: { token: string; values: Record<string, string> }
): Promise<void> {
	const row = await findOpen(ctx, input.token);
	const parsed = answerSchema.safeParse(input.values);
	if (!parsed.success)
		throw new DomainError('invalid_input', 'Please answer the two questions.', {
			fields: fieldErrors(parsed.error)
		});
	const result = await ctx.db
		.updateTable('counterpart_confirmations')
		.set({
			answered_at: ctx.now().toISOString(),
			happened: parsed.data.happened,
			mutuality: parsed.data.mutuality,
			comment: parsed.data.comment || null
		})
		.where('id', '=', row.id)
		.where('answered_at', 'is', null)
		.executeTakeFirst();
	if (Number(result.numUpdatedRows) !== 1) throw new DomainError('gone', problems.used);
}
