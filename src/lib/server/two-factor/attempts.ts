import { DomainError } from '../../domain/errors.ts';
import type { AppContext } from '../context.ts';
import { clearAttempts, recordAttempt, takeAttempt } from '../rate-limit/rate-limit.ts';

type Ctx = Pick<AppContext, 'db' | 'now' | 'dialect'>;

/**
 * Runs one check of a second-factor code under the same limits as the password step (0025):
 * the lock a person meets is per account and address; wrong codes from anywhere also count
 * toward a higher ceiling per account; a right code clears the person's own lock.
 */
export async function limitCodeCheck(
	ctx: Ctx,
	input: { userId: string; address: string },
	check: () => Promise<void>
): Promise<void> {
	const here = `${input.userId} ${input.address}`;
	await takeAttempt(ctx, [
		{ name: 'second-factor:account-address', key: here },
		{ name: 'second-factor:address', key: input.address },
		{ name: 'second-factor:account', key: input.userId, record: false }
	]);
	try {
		await check();
	} catch (err) {
		if (err instanceof DomainError && err.code === 'invalid_input')
			await recordAttempt(ctx, 'second-factor:account', input.userId);
		throw err;
	}
	await clearAttempts(ctx, 'second-factor:account-address', here);
}
