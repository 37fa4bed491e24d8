import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../db/create-db.ts';
import type { FeedbackSuggestionsTable } from '../db/types.ts';

export type SuggestionRow = Selectable<FeedbackSuggestionsTable>;

/** The client's newest suggestion still waiting for an answer. */
export async function findPendingSuggestion(
	db: Db,
	clientId: string
): Promise<SuggestionRow | undefined> {
	return db
		.selectFrom('feedback_suggestions')
		.selectAll()
		.where('client_id', '=', clientId)
		.where('answered_at', 'is', null)
		.orderBy('created_at', 'desc')
		.executeTakeFirst();
}

export async function insertSuggestion(
	db: Db,
	row: Insertable<FeedbackSuggestionsTable>
): Promise<void> {
	await db.insertInto('feedback_suggestions').values(row).execute();
}

/** Marks every waiting suggestion of the client answered. */
export async function answerSuggestions(db: Db, clientId: string, at: string): Promise<void> {
	await db
		.updateTable('feedback_suggestions')
		.set({ answered_at: at })
		.where('client_id', '=', clientId)
		.where('answered_at', 'is', null)
		.execute();
}
