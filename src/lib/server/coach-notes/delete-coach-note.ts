import { DomainError } from '../../domain/errors.ts';
import type { AppContext } from '../context.ts';
import { NOTE_NOT_FOUND, noteClient, type NoteTarget } from './note-access.ts';
import { deleteNote, findNote } from './repository.ts';

/** Deletes one of the coach's own notes on a client, for good. */
export async function deleteCoachNote(
	ctx: Pick<AppContext, 'db'>,
	input: NoteTarget & { noteId: string }
): Promise<void> {
	const client = await noteClient(ctx, input, 'coach-note.write');
	const row = await findNote(ctx.db, input.noteId, client.ownerId, input.actor.userId);
	if (!row) throw new DomainError('not_found', NOTE_NOT_FOUND);
	await deleteNote(ctx.db, row.id);
}
