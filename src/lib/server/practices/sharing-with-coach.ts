import { DomainError } from '../../domain/errors.ts';
import type { AppContext } from '../context.ts';
import { clientHasCoach } from './repository.ts';

/**
 * Whether a client works with a coach now. "Share with my coach" needs a coach to share with: a
 * person on their own who shared would hand it, unasked, to whichever coach they join later.
 */
export async function hasCoach(ctx: Pick<AppContext, 'db'>, userId: string): Promise<boolean> {
	return clientHasCoach(ctx.db, userId);
}

/** Refuses to share anything while the person has no coach (taking a share back is always allowed). */
export async function requireCoachToShareWith(
	ctx: Pick<AppContext, 'db'>,
	userId: string
): Promise<void> {
	if (!(await hasCoach(ctx, userId)))
		throw new DomainError(
			'conflict',
			'You have no coach to share with. Once you work with one, you can share from here.'
		);
}
