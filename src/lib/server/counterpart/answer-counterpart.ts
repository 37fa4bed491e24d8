import { z } from 'zod';
import { DomainError } from '../../domain/errors.ts';
import { fieldErrors } from '../../domain/schemas/field-errors.ts';
import type { AppContext } from '../context.ts';
import { hashToken } from '../security/tokens.ts';
import { findConfirmationByTokenHash, recordAnswer } from './repository.ts';
import { userCipher } from '../crypto/field-crypto.ts';
import { openWhat } from '../actions/sealed-action.ts';
import { sealComment } from './sealed-confirmation.ts';

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
	const row = await findConfirmationByTokenHash(ctx.db, hashToken(token));
	if (!row) throw new DomainError('not_found', problems.missing);
	if (row.answeredAt) throw new DomainError('gone', problems.used);
	if (row.expiresAt <= ctx.now().toISOString()) throw new DomainError('gone', problems.expired);
	return row;
}

/** What the other person is asked about: the action and who asked, nothing else of the client's. */
export async function viewCounterpartRequest(
	ctx: Pick<AppContext, 'db' | 'now' | 'masterKey'>,
	token: string
): Promise<CounterpartView> {
	const row = await findOpen(ctx, token);
	// First name only: the other person knows who asked; the link shares no more than needed.
	return {
		clientName: row.clientName.split(' ')[0] ?? row.clientName,
		withName: row.withName,
		what: openWhat(await userCipher(ctx.db, ctx.masterKey, row.ownerId), row.actionId, row.what)
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
	ctx: Pick<AppContext, 'db' | 'now' | 'masterKey'>,
	input: { token: string; values: Record<string, string> }
): Promise<{ clientName: string }> {
	const row = await findOpen(ctx, input.token);
	const parsed = answerSchema.safeParse(input.values);
	if (!parsed.success)
		throw new DomainError('invalid_input', 'Please answer the two questions.', {
			fields: fieldErrors(parsed.error)
		});
	const saved = await recordAnswer(ctx.db, row.id, {
		happened: parsed.data.happened,
		mutuality: parsed.data.mutuality,
		comment: sealComment(
			await userCipher(ctx.db, ctx.masterKey, row.ownerId),
			row.id,
			parsed.data.comment || null
		),
		at: ctx.now().toISOString()
	});
	if (!saved) throw new DomainError('gone', problems.used);
	// For the thank-you: the link is used up now, so the page can no longer read the name.
	return { clientName: row.clientName.split(' ')[0] ?? row.clientName };
}
