import { DomainError } from '../../domain/errors.ts';
import { can, type Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import {
	listAssessmentHistory,
	type HistoryEntry
} from '../assessments/list-assessment-history.ts';
import type { JournalEntry } from '../journal/entry-access.ts';
import { listSharedEntries } from '../journal/list-shared-entries.ts';

export interface ClientOverview {
	client: { id: string; name: string; email: string; coachId: string | null };
	practiceId: string;
	results: HistoryEntry[];
	/** Null when the reader is not the client's own coach (a practice admin sees results only). */
	sharedEntries: JournalEntry[] | null;
}

/** One client as their coach (or the practice admin) sees them. Anyone else: "not found". */
export async function getClientOverview(
	ctx: Pick<AppContext, 'db' | 'masterKey'>,
	input: { actor: Actor; practiceId: string; clientId: string }
): Promise<ClientOverview> {
	const row = await ctx.db
		.selectFrom('memberships as m')
		.innerJoin('users as u', 'u.id', 'm.user_id')
		.select(['u.id', 'u.name', 'u.email', 'm.coach_id'])
		.where('m.practice_id', '=', input.practiceId)
		.where('m.user_id', '=', input.clientId)
		.where('m.role', '=', 'client')
		.executeTakeFirst();
	const resource = {
		practiceId: input.practiceId,
		ownerId: input.clientId,
		coachId: row?.coach_id ?? null
	};
	// This is the practice's view of a client: the client's own pages are elsewhere.
	const practiceSide = can(input.actor, 'practice.view', { practiceId: input.practiceId });
	if (!row || !practiceSide || !can(input.actor, 'client.profile.read', resource)) {
		throw new DomainError(
			'not_found',
			'There is no such client in this practice, or they are not yours to see.'
		);
	}
	const history = await listAssessmentHistory(ctx, { actor: input.actor, userId: row.id });
	const sharedEntries = can(input.actor, 'journal.read-shared', resource)
		? await listSharedEntries(ctx, { actor: input.actor, client: resource })
		: null;
	return {
		client: { id: row.id, name: row.name, email: row.email, coachId: row.coach_id },
		practiceId: input.practiceId,
		results: history.entries,
		sharedEntries
	};
}
