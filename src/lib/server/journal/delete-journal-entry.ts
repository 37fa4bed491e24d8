import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { entryFor } from './entry-access.ts';
import { deleteEntry } from './repository.ts';

export async function deleteJournalEntry(
	ctx: Pick<AppContext, 'db'>,
	input: { actor: Actor; id: string }
): Promise<void> {
	const row = await entryFor(ctx, input.actor, input.id, 'journal.write');
	await deleteEntry(ctx.db, row.id);
}
