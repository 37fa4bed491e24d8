import { DomainError } from '../../domain/errors.ts';
import { can, type Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { findPractice, renamePractice as rename } from './repository.ts';

export async function renamePractice(
	ctx: Pick<AppContext, 'db' | 'log'>,
	input: { actor: Actor; practiceId: string; name: string }
): Promise<void> {
	if (!can(input.actor, 'practice.update', { practiceId: input.practiceId })) {
		throw new DomainError('forbidden', 'Only an admin of this practice can rename it.');
	}
	if (!(await findPractice(ctx.db, input.practiceId)))
		throw new DomainError('not_found', 'This practice does not exist.');
	await rename(ctx.db, input.practiceId, input.name.trim());
	ctx.log.info({ practiceId: input.practiceId }, 'practice renamed');
}
