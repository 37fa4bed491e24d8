import { randomUUID } from 'node:crypto';
import { BUILT_IN_PROGRAM } from '../../content/programs/builtin.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { TITLE_MAX, type ProgramDocument } from '../../domain/programs/schema.ts';
import { checkProgram } from '../../domain/programs/validate.ts';
import type { AppContext } from '../context.ts';
import { documentOf, requireProgramStaff, usableProgram } from './access.ts';
import { insertProgram } from './repository.ts';

type Ctx = Pick<AppContext, 'db' | 'now'>;

async function store(ctx: Ctx, actor: Actor, practiceId: string, document: ProgramDocument) {
	const id = randomUUID();
	const at = ctx.now().toISOString();
	await insertProgram(ctx.db, {
		id,
		practice_id: practiceId,
		author_id: actor.userId,
		title: document.title,
		draft: JSON.stringify(document),
		shared_at: null,
		created_at: at,
		updated_at: at
	});
	return { id };
}

/** A new, empty program in the practice, written by the actor. */
export async function createProgram(
	ctx: Ctx,
	input: { actor: Actor; practiceId: string; title: string }
) {
	requireProgramStaff(input.actor, input.practiceId);
	const title = input.title.trim();
	if (!title || title.length > TITLE_MAX) {
		const message = `Give the program a title of 1 to ${TITLE_MAX} characters.`;
		throw new DomainError('invalid_input', message, { fields: { title: message } });
	}
	return store(ctx, input.actor, input.practiceId, { schema: 1, title, summary: '', steps: [] });
}

/** A copy the actor owns: of the built-in program, or of a program they may use. */
export async function copyProgram(
	ctx: Ctx,
	input: { actor: Actor; practiceId: string; from: 'built-in' | string }
) {
	requireProgramStaff(input.actor, input.practiceId);
	const source =
		input.from === 'built-in'
			? BUILT_IN_PROGRAM
			: documentOf(
					(await usableProgram(ctx.db, input.actor, input.from, input.practiceId)).program.draft
				);
	const title = `${source.title} (copy)`.slice(0, TITLE_MAX);
	return store(ctx, input.actor, input.practiceId, { ...source, title });
}

/**
 * A program from an exported file. The first problem is named by its place in the file
 * (`steps[2].delivery.days`); nothing is saved unless the whole file reads.
 */
export async function importProgram(
	ctx: Ctx,
	input: { actor: Actor; practiceId: string; text: string }
) {
	requireProgramStaff(input.actor, input.practiceId);
	let data: unknown;
	try {
		data = JSON.parse(input.text);
	} catch {
		const message = 'This file is not JSON. Choose a file exported from Midpoint’s programs.';
		throw new DomainError('invalid_input', message, { fields: { file: message } });
	}
	const checked = checkProgram(data);
	if (!checked.ok) {
		const message = fileProblemInWords(checked.path, checked.message);
		throw new DomainError('invalid_input', message, { fields: { file: message } });
	}
	return store(ctx, input.actor, input.practiceId, checked.program);
}

/** The draft as a file: the same document the builder edits, with its schema version. */
export async function exportProgram(
	ctx: Pick<AppContext, 'db'>,
	input: { actor: Actor; practiceId: string; programId: string }
) {
	const { program } = await usableProgram(ctx.db, input.actor, input.programId, input.practiceId);
	return {
		title: program.title,
		json: JSON.stringify(documentOf(program.draft), null, '\t') + '\n'
	};
}

/** Where an imported file is wrong, in a coach's words: "Step 3, its days: …", not `steps[2].days`. */
export function fileProblemInWords(path: string, problem: string): string {
	// The checker's own words for a newer file; zod's ("expected 1") for anything else.
	if (path === 'schema' && problem.includes('Midpoint')) return problem;
	if (path === '' || path === 'schema') return 'This is not a program file exported from Midpoint.';
	const step = /^steps\[(\d+)\]\.?(.*)$/.exec(path);
	if (step) {
		const part = step[2]
			? `, its ${step[2].replaceAll('.', ' ').replaceAll(/\[(\d+)\]/g, (_, i) => ` ${Number(i) + 1}`)}`
			: '';
		return `Step ${Number(step[1]) + 1} of the file${part}: ${problem}`;
	}
	return `The file's ${path.replaceAll('.', ' ')}: ${problem}`;
}
