import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { hasCoach } from '../practices/sharing-with-coach.ts';
import { getEntryThread } from '../replies/get-entry-thread.ts';
import { getJournalEntry } from './get-journal-entry.ts';

/**
 * One entry as its own page shows it: the entry, the step and prompt it answers, and the
 * conversation with the coach on it (kept here even once the entry is private again).
 */
export async function getJournalPage(
	ctx: Pick<AppContext, 'db' | 'masterKey' | 'now' | 'log'>,
	input: { actor: Actor; id: string }
) {
	const entry = await getJournalEntry(ctx, input);
	const thread = await getEntryThread(ctx, { actor: input.actor, entryId: entry.id });
	// Sharing is offered only with a coach to share with (an entry shared before stays undoable).
	const canShare = await hasCoach(ctx, input.actor.userId);
	return { entry, prompt: entry.answered, thread, canShare };
}
