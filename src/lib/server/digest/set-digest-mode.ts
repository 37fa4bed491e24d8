import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import type { DigestMode } from '../db/types.ts';
import { DEFAULT_DIGEST_MODE } from './send-coach-digests.ts';
import { findDigestMode, saveDigestMode } from './repository.ts';

const MODES: readonly DigestMode[] = ['daily', 'weekly', 'off'];
const CHOOSE = 'Choose daily, weekly or never.';

export async function getDigestMode(
	ctx: Pick<AppContext, 'db'>,
	input: { actor: Actor }
): Promise<DigestMode> {
	return (await findDigestMode(ctx.db, input.actor.userId)) ?? DEFAULT_DIGEST_MODE;
}

/** A coach's own choice of digest; only coaches have one, and only they can change it. */
export async function setDigestMode(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: { actor: Actor; mode: string }
): Promise<void> {
	const isCoach = Object.values(input.actor.practices).some((roles) => roles.includes('coach'));
	if (!isCoach) throw new DomainError('forbidden', 'Only coaches get a digest of their clients.');
	if (!MODES.includes(input.mode as DigestMode))
		throw new DomainError('invalid_input', CHOOSE, { fields: { mode: CHOOSE } });
	const mode = input.mode as DigestMode;
	const at = ctx.now().toISOString();
	await saveDigestMode(ctx.db, input.actor.userId, mode, at);
}
