import type { AppContext } from '../context.ts';
import { coachCipher, noteClient, toNote, type CoachNote, type NoteTarget } from './note-access.ts';
import { listNotes } from './repository.ts';

/** The actor's own notes on a client; a previous coach's notes stay theirs and are not shown. */
export async function listCoachNotes(
	ctx: Pick<AppContext, 'db' | 'masterKey'>,
	input: NoteTarget
): Promise<CoachNote[]> {
	const client = await noteClient(ctx, input, 'coach-note.read');
	const rows = await listNotes(ctx.db, client.ownerId, input.actor.userId);
	if (rows.length === 0) return [];
	const cipher = await coachCipher(ctx, input.actor.userId);
	return rows.map((row) => toNote(cipher, row));
}
