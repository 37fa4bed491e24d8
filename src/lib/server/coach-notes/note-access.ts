import { DomainError } from '../../domain/errors.ts';
import type { Action, Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { userCipher, type UserCipher } from '../crypto/field-crypto.ts';
import { clientFor, type ClientInPractice } from '../practices/client-in-practice.ts';
import type { CoachNoteRow } from './repository.ts';

/** A note can hold this many characters (the form says so). */
export const NOTE_BODY_MAX = 10_000;

export const noteAddress = (id: string) => ({ table: 'coach_notes', column: 'body', rowId: id });

export interface CoachNote {
	id: string;
	body: string;
	createdAt: string;
	updatedAt: string;
}

export interface NoteTarget {
	actor: Actor;
	practiceId: string;
	clientId: string;
}

/** The client, when the actor is their assigned coach; everyone else gets "not found". */
export function noteClient(
	ctx: Pick<AppContext, 'db'>,
	input: NoteTarget,
	action: Extract<Action, 'coach-note.read' | 'coach-note.write'>
): Promise<ClientInPractice> {
	return clientFor(ctx.db, input.actor, input, action);
}

/** Checks a note's text; the message goes beside the field and the text stays in the form. */
export function checkNoteBody(body: string): void {
	if (body.trim() === '') {
		throw new DomainError('invalid_input', 'Write your note first.', {
			fields: { body: 'Write your note first.' }
		});
	}
	const length = [...body].length;
	if (length > NOTE_BODY_MAX) {
		const message = `A note can hold up to ${NOTE_BODY_MAX.toLocaleString('en-GB')} characters; this one has ${length.toLocaleString('en-GB')}. Shorten it, or split it into two notes. Your text is still here.`;
		throw new DomainError('invalid_input', message, { fields: { body: message } });
	}
}

/** Notes are encrypted with the coach's own key: they are the coach's working record. */
export function coachCipher(
	ctx: Pick<AppContext, 'db' | 'masterKey'>,
	coachId: string
): Promise<UserCipher> {
	return userCipher(ctx.db, ctx.masterKey, coachId);
}

export function toNote(cipher: UserCipher, row: CoachNoteRow): CoachNote {
	return {
		id: row.id,
		body: cipher.decrypt(noteAddress(row.id), row.body),
		createdAt: row.created_at,
		updatedAt: row.updated_at
	};
}

export const NOTE_NOT_FOUND = 'There is no such note, or it is not yours.';
