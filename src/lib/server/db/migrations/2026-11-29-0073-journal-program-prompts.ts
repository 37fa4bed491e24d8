import type { Kysely } from 'kysely';
import type { Dialect } from '../create-db.ts';

// Frozen: the prompt a journal entry answers, when it came from a coach's program, as on
// 2026-11-29 (decision 0038). Kysely<any> on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
	// Null for the built-in prompts, which are found by step and prompt id as before. A program's
	// prompt is copied as it read when the entry was written: versions never change, but a copy
	// keeps the entry readable whatever happens to the program.
	await db.schema.alterTable('journal_entries').addColumn('step_title', 'text').execute();
	await db.schema.alterTable('journal_entries').addColumn('prompt_text', 'text').execute();
	await db.schema.alterTable('journal_entries').addColumn('prompt_hint', 'text').execute();
}
