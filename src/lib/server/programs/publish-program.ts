import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.ts';
import { can, type Actor } from '../../domain/policies.ts';
import { checkPublishable } from '../../domain/programs/validate.ts';
import type { AppContext } from '../context.ts';
import { documentOf, editableProgram } from './access.ts';
import { findLatestVersion, insertVersion, markShared } from './repository.ts';
import { runningTeamsOf } from './practice-teams.ts';

/**
 * Publishes the draft as the next version. Versions are never changed afterwards: people
 * enrolled keep the one they started until their coach moves them.
 */
export async function publishProgram(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: { actor: Actor; practiceId: string; programId: string }
): Promise<{ number: number }> {
	const program = await editableProgram(ctx.db, input.actor, input.programId, input.practiceId);
	const draft = documentOf(program.draft);
	const teams = await runningTeamsOf(ctx.db, input.practiceId);
	const checked = checkPublishable(draft, new Set(teams.map((t) => t.id)));
	if (!checked.ok)
		throw new DomainError('invalid_input', checked.message, {
			fields: { publish: checked.message }
		});
	return ctx.db.transaction().execute(async (trx) => {
		const latest = await findLatestVersion(trx, program.id);
		if (latest && latest.document === JSON.stringify(draft))
			throw new DomainError('conflict', `Nothing changed since version ${latest.number}.`, {
				fields: { publish: `Nothing changed since version ${latest.number}.` }
			});
		const number = (latest?.number ?? 0) + 1;
		await insertVersion(trx, {
			id: randomUUID(),
			programId: program.id,
			number,
			document: JSON.stringify(draft),
			publishedAt: ctx.now().toISOString()
		});
		return { number };
	});
}

/** An admin makes a program available to every coach of the practice, or takes it back. */
export async function shareProgram(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: { actor: Actor; practiceId: string; programId: string; shared: boolean }
): Promise<void> {
	if (!can(input.actor, 'program.share', { practiceId: input.practiceId }))
		throw new DomainError(
			'forbidden',
			'Only an admin of the practice can share a program with every coach.'
		);
	const program = await editableProgram(ctx.db, input.actor, input.programId, input.practiceId);
	await markShared(ctx.db, program.id, input.shared ? ctx.now().toISOString() : null);
}
