import { DomainError } from '../../domain/errors.ts';
import { can, type Actor } from '../../domain/policies.ts';
import type { ProgramDocument } from '../../domain/programs/schema.ts';
import { checkProgram } from '../../domain/programs/validate.ts';
import type { Db } from '../db/create-db.ts';
import { findProgram, type ProgramRow } from './repository.ts';

const NOT_FOUND = 'There is no such program, or it is not yours to use.';

/** A stored draft or version, read back through the same checks as anything else. */
export function documentOf(json: string): ProgramDocument {
	const checked = checkProgram(JSON.parse(json));
	if (!checked.ok)
		throw new Error(`A stored program does not read: ${checked.path}: ${checked.message}`);
	return checked.program;
}

/** Whether the actor may write programs in the practice (a coach or admin on its staff). */
export function requireProgramStaff(actor: Actor, practiceId: string): void {
	if (!can(actor, 'program.create', { practiceId }))
		throw new DomainError('not_found', 'There is no such practice, or you do not work in it.');
}

/** A program the actor may change: their own (while on the practice's staff), or any as admin. */
export async function editableProgram(
	db: Db,
	actor: Actor,
	id: string,
	practiceId: string
): Promise<ProgramRow> {
	const program = await findProgram(db, id);
	if (program && program.practice_id === practiceId) {
		const resource = { practiceId, ownerId: program.author_id };
		if (can(actor, 'program.create', resource) && can(actor, 'program.edit', resource))
			return program;
	}
	throw new DomainError('not_found', NOT_FOUND);
}

/** A program the actor may use (see, enrol clients in, copy): one they may edit, or a shared one. */
export async function usableProgram(
	db: Db,
	actor: Actor,
	id: string,
	practiceId: string
): Promise<{ program: ProgramRow; editable: boolean }> {
	const program = await findProgram(db, id);
	if (program && program.practice_id === practiceId) {
		const resource = { practiceId, ownerId: program.author_id };
		const editable = can(actor, 'program.create', resource) && can(actor, 'program.edit', resource);
		if (editable || (program.shared_at && can(actor, 'program.use-shared', resource)))
			return { program, editable };
	}
	throw new DomainError('not_found', NOT_FOUND);
}
