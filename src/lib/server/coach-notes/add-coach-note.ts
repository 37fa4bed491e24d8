import { randomUUID } from 'node:crypto';
import type { AppContext } from '../context.ts';
import {
	checkNoteBody,
	coachCipher,
	noteAddress,
	noteClient,
	type NoteTarget
} from './note-access.ts';
import { insertNote } from './repository.ts';

/** A private note by the client's coach, encrypted before it reaches the database. */
export async function addCoachNote(
	ctx: Pick<AppContext, 'db' | 'masterKey' | 'now'>,
	input: NoteTarget & { body: string }
): Promise<{ id: string }> {
	const client = await noteClient(ctx, input, 'coach-note.write');
	checkNoteBody(input.body);
	const id = randomUUID();
	const at = ctx.now().toISOString();
	const cipher = await coachCipher(ctx, input.actor.userId);
	await insertNote(ctx.db, {
		id,
		client_id: client.ownerId,
		coach_id: input.actor.userId,
		body: cipher.encrypt(noteAddress(id), input.body),
		created_at: at,
		updated_at: at
	});
	return { id };
}
