import { randomUUID } from 'node:crypto';
import type { DomainCode } from '../../content/instrument/codes.ts';
import type { AppContext } from '../context.ts';
import { hashToken } from '../security/tokens.ts';
import { insertRound } from './repository.ts';
import { closeAndRelease } from './settle-round.ts';

export interface RecordedRound {
	userId: string;
	/** Forms already sent (`answers` as the rater form stores them), or asked people still waiting. */
	forms: {
		domain: DomainCode;
		answers: Record<string, number | null | undefined> | null;
		comment?: string;
	}[];
	openedAt: string;
	closesAt: string;
	/** Close it (through the real release) at its closing time; otherwise it stays open. */
	close: boolean;
}

/**
 * A round whose answers are already in, written without emails or links (nobody can open
 * them: each token is a random value nobody holds). For the demo practice and for tests that
 * need many raters; closing goes through the same release as any round.
 */
export async function recordRound(
	ctx: Pick<AppContext, 'db'>,
	input: RecordedRound
): Promise<string> {
	const roundId = randomUUID();
	const round = {
		id: roundId,
		user_id: input.userId,
		opened_at: input.openedAt,
		closes_at: input.closesAt,
		closed_at: null,
		shared_at: null,
		released: null
	};
	await insertRound(
		ctx.db,
		round,
		input.forms.map((form, i) => ({
			id: randomUUID(),
			round_id: roundId,
			domain: form.domain,
			name: `Person ${i + 1}`,
			email: `person-${roundId.slice(0, 8)}-${i + 1}@example.invalid`,
			token_hash: hashToken(randomUUID()),
			status: form.answers ? ('sent' as const) : ('invited' as const),
			answers: JSON.stringify(form.answers ?? {}),
			next_page: form.answers ? 2 : 0,
			comment: form.comment ?? null,
			decline_reason: null
		}))
	);
	if (input.close) await closeAndRelease(ctx, round, input.closesAt);
	return roundId;
}
