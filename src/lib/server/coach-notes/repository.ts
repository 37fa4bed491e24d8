import type { Selectable } from 'kysely';
import type { Db } from '../db/create-db.ts';
import type { CoachNotesTable } from '../db/types.ts';

export type CoachNoteRow = Selectable<CoachNotesTable>;

export async function insertNote(db: Db, row: CoachNoteRow): Promise<void> {
	await db.insertInto('coach_notes').values(row).execute();
}

/** One coach's notes on one client, newest first. Another coach's notes are never selected. */
export async function listNotes(
	db: Db,
	clientId: string,
	coachId: string
): Promise<CoachNoteRow[]> {
	return db
		.selectFrom('coach_notes')
		.selectAll()
		.where('client_id', '=', clientId)
		.where('coach_id', '=', coachId)
		.orderBy('created_at', 'desc')
		.orderBy('id', 'desc')
		.execute();
}

export async function findNote(
	db: Db,
	id: string,
	clientId: string,
	coachId: string
): Promise<CoachNoteRow | undefined> {
	return db
		.selectFrom('coach_notes')
		.selectAll()
		.where('id', '=', id)
		.where('client_id', '=', clientId)
		.where('coach_id', '=', coachId)
		.executeTakeFirst();
}

export async function updateNote(db: Db, id: string, body: string, at: string): Promise<void> {
	await db.updateTable('coach_notes').set({ body, updated_at: at }).where('id', '=', id).execute();
}

export async function deleteNote(db: Db, id: string): Promise<void> {
	await db.deleteFrom('coach_notes').where('id', '=', id).execute();
}

/** Every note one coach wrote, with the client's name, oldest first (for the coach's export). */
export async function listNotesByCoach(db: Db, coachId: string) {
	return db
		.selectFrom('coach_notes as n')
		.leftJoin('users as u', 'u.id', 'n.client_id')
		.selectAll('n')
		.select('u.name as client_name')
		.where('n.coach_id', '=', coachId)
		.orderBy('n.created_at')
		.orderBy('n.id')
		.execute();
}
