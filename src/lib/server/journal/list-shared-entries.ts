import { can, type Actor } from '../../domain/policies.ts';
import type { Resource } from '../../domain/policies.ts';
import { DomainError } from '../../domain/errors.ts';
import type { AppContext } from '../context.ts';
import type { LazyCipher } from '../crypto/field-crypto.ts';
import { readEntries, type JournalEntry } from './entry-access.ts';
import { listSharedEntriesOf, type JournalRow } from './repository.ts';

/**
 * The entries a client chose to share, for their coach. Private entries never leave the
 * database for this reader: the query itself asks only for shared ones.
 */
export async function listSharedEntries(
	ctx: Pick<AppContext, 'db' | 'masterKey'>,
	input: {
		actor: Actor;
		client: Resource & { ownerId: string };
		cipher?: LazyCipher;
		/** Which of the shared rows (newest first) to open; all of them when not given. */
		pick?: (rows: JournalRow[]) => JournalRow[];
	}
): Promise<JournalEntry[]> {
	if (!can(input.actor, 'journal.read-shared', input.client)) {
		throw new DomainError('forbidden', 'Only the client’s own coach can read what they share.');
	}
	const rows = await listSharedEntriesOf(ctx.db, input.client.ownerId);
	return readEntries(ctx, input.client.ownerId, input.pick?.(rows) ?? rows, input.cipher);
}
