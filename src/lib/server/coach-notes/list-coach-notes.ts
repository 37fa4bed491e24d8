import { DomainError } from '../../domain/errors.ts';
import { can, type Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { NOT_YOUR_CLIENT, type ClientInPractice } from '../practices/client-in-practice.ts';
import { coachCipher, noteClient, toNote, type CoachNote, type NoteTarget } from './note-access.ts';
import { listNotes } from './repository.ts';

/** The actor's own notes on a client; a previous coach's notes stay theirs and are not shown. */
export async function listCoachNotes(
	ctx: Pick<AppContext, 'db' | 'masterKey'>,
	input: NoteTarget
): Promise<CoachNote[]> {
	const client = await noteClient(ctx, input, 'coach-note.read');
	return listNotesOnClient(ctx, input.actor, client);
}

/** As listCoachNotes, for a client the caller has already found in the practice. */
export async function listNotesOnClient(
	ctx: Pick<AppContext, 'db' | 'masterKey'>,
	actor: Actor,
	client: ClientInPractice
): Promise<CoachNote[]> {
	if (!can(actor, 'coach-note.read', client)) throw new DomainError('not_found', NOT_YOUR_CLIENT);
	const rows = await listNotes(ctx.db, client.ownerId, actor.userId);
	if (rows.length === 0) return [];
	const cipher = await coachCipher(ctx, actor.userId);
	return rows.map((row) => toNote(cipher, row));
}
