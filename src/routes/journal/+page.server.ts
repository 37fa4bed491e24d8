import { listRecentJournalEntries } from '$lib/server/journal/list-journal-entries';
import { journalStepsNow } from '$lib/server/journal/prompts-now';
import { hasCoach } from '$lib/server/practices/sharing-with-coach';
import { listUnreadReplies } from '$lib/server/replies/list-unread-replies';
import type { PageServerLoad } from './$types';

// No client: nothing on the list needs one (decisions 0023, 0040).
export const csr = false;

export const load: PageServerLoad = async ({ locals, url }) => {
	const { actor } = locals.signedIn!;
	// The steps and prompts for this person now: their program's open step, or the built-in five.
	const now = await journalStepsNow(locals.ctx, { actor, picked: url.searchParams.get('lean') });
	const unread = await listUnreadReplies(locals.ctx, { actor });
	// The latest entries, and any with a reply not read yet; all of them with ?entries=all.
	const { entries, hidden } = await listRecentJournalEntries(locals.ctx, {
		actor,
		all: url.searchParams.get('entries') === 'all',
		hasNews: (id) => (unread.entries[id] ?? 0) > 0
	});
	return {
		...now,
		// Without a coach, nobody reads a shared entry: the list and the words above it say so.
		hasCoach: await hasCoach(locals.ctx, actor.userId),
		hidden,
		entries: entries.map((e) => ({
			id: e.id,
			step: e.step,
			stepTitle: e.answered.stepTitle,
			promptId: e.promptId,
			excerpt: e.body.length > 140 ? e.body.slice(0, 140) + '…' : e.body,
			shared: e.sharedAt !== null,
			newReplies: unread.entries[e.id] ?? 0,
			updatedAt: e.updatedAt
		}))
	};
};
