import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { importProgram } from './create-program.ts';

/** Far larger than any real program (the built-in one is about 12 KB). */
export const IMPORT_MAX_BYTES = 512 * 1024;

/** A program from an uploaded file: checks it is a file of a sensible size, then imports its text. */
export async function importProgramFile(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: { actor: Actor; practiceId: string; file: FormDataEntryValue | null }
) {
	const refuse = (message: string) =>
		new DomainError('invalid_input', message, { fields: { file: message } });
	if (!(input.file instanceof File) || input.file.size === 0)
		throw refuse('Choose a program file (.json) to import.');
	if (input.file.size > IMPORT_MAX_BYTES)
		throw refuse('This file is too large to be a program (the limit is 512 KB).');
	return importProgram(ctx, {
		actor: input.actor,
		practiceId: input.practiceId,
		text: await input.file.text()
	});
}
