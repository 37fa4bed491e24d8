import type { AppContext } from '../context.ts';
import { countUsers } from './repository.ts';

/** True until the first account exists: the landing page then offers to set Midpoint up. */
export async function isFirstRun(ctx: Pick<AppContext, 'db'>): Promise<boolean> {
	return (await countUsers(ctx.db)) === 0;
}
