import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import type { DigestMode } from '../db/types.ts';
import { DEFAULT_DIGEST_MODE } from './send-coach-digests.ts';

const MODES: readonly DigestMode[] = ['daily', 'weekly', 'off'];
const CHOOSE = 'Choose daily, weekly or never.';

export async function getDigestMode(
	ctx: Pick<AppContext, 'db'>,
	input: { actor: Actor }
): Promise<DigestMode> {
	const row = await ctx.db
		.selectFrom('digest_settings')
		.select('mode')
		.where('user_id', '=', input.actor.userId)
		.executeTakeFirst();
	return row?.mode ?? DEFAULT_DIGEST_MODE;
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
	await ctx.db
		.insertInto('digest_settings')
		.values({ user_id: input.actor.userId, mode, updated_at: at })
		.onConflict((oc) => oc.column('user_id').doUpdateSet({ mode, updated_at: at }))
		.execute();
}
