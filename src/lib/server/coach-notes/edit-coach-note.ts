import { DomainError } from '../../domain/errors.ts';
import type { AppContext } from '../context.ts';
import {
	checkNoteBody,
	coachCipher,
	NOTE_NOT_FOUND,
	noteAddress,
	noteClient,
	type NoteTarget
} from './note-access.ts';
import { findNote, updateNote } from './repository.ts';

/** Rewrites one of the coach's own notes on a client. */
export async function editCoachNote(
	ctx: Pick<AppContext, 'db' | 'masterKey' | 'now'>,
	input: NoteTarget & { noteId: string; body: string }
): Promise<void> {
	const client = await noteClient(ctx, input, 'coach-note.write');
	const row = await findNote(ctx.db, input.noteId, client.ownerId, input.actor.userId);
	if (!row) throw new DomainError('not_found', NOTE_NOT_FOUND);
	checkNoteBody(input.body);
	const cipher = await coachCipher(ctx, input.actor.userId);
	await updateNote(
		ctx.db,
		row.id,
		cipher.encrypt(noteAddress(row.id), input.body),
		ctx.now().toISOString()
	);
}
