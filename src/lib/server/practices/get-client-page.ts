import { todayFor } from '../../domain/actions/dates.ts';
import { describeChange } from '../../domain/describe-change.ts';
import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { listSharedRounds } from '../feedback/share-round.ts';
import { suggestionStateFor } from '../feedback/suggestions.ts';
import { getClientOverview } from './get-client-overview.ts';

/**
 * One client as the coach's page shows them: the overview, with each result cut down to what
 * the page draws (not the whole score) and each shared entry with the prompt it answers. What is
 * new since the last visit is counted over all of it; then only the latest closed actions and
 * shared entries, anything new and what was just replied to are kept (`allHistory` keeps
 * everything).
 */
export async function getClientPage(
	ctx: Pick<AppContext, 'db' | 'masterKey' | 'now' | 'log'>,
	input: {
		actor: Actor;
		practiceId: string;
		clientId: string;
		allHistory?: boolean;
		/** A report-back or entry just replied to: kept in view wherever it is. */
		keep?: string | null;
	}
) {
	const overview = await getClientOverview(ctx, {
		...input,
		history: { all: input.allHistory ?? false, keep: input.keep ?? null }
	});
	return {
		...overview,
		results: overview.results.map((r) => ({
			id: r.id,
			completedAt: r.completedAt,
			position: r.score.position,
			band: r.score.band ? { low: r.score.band.low, high: r.score.band.high } : null,
			changeText: r.change ? describeChange(r.change, r.score.position) : null
		})),
		sharedEntries:
			overview.sharedEntries?.map((e) => ({
				id: e.id,
				prompt: e.answered.text,
				body: e.body,
				sharedAt: e.sharedAt!,
				replies: e.replies
			})) ?? null,
		// Feedback rounds the client shares with this reader (their own coach), and nothing else.
		sharedRounds: await listSharedRounds(ctx, { actor: input.actor, clientId: input.clientId }),
		// Whether this reader (the client's own coach) may suggest a round, and one waiting.
		feedbackSuggestion: await suggestionStateFor(ctx, {
			actor: input.actor,
			client: {
				ownerId: overview.client.id,
				practiceId: input.practiceId,
				coachId: overview.client.coachId
			}
		}),
		today: todayFor(ctx.now())
	};
}
