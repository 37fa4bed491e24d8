import type { AppContext } from '../context.ts';
import { anyUserExists } from './repository.ts';

/** True until the first account exists: the landing page then offers to set Midpoint up. */
export async function isFirstRun(ctx: Pick<AppContext, 'db'>): Promise<boolean> {
	return !(await anyUserExists(ctx.db));
}
