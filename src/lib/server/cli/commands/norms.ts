import { parseArgs } from 'node:util';
import { isDomainError } from '../../../domain/errors.ts';
import type { Actor, PracticeRole } from '../../../domain/policies.ts';
import type { Db } from '../../db/create-db.ts';
import { adoptPracticeNorms, useBuiltInNorms } from '../../practice-norms/adopt-norms.ts';
import { getNormsView } from '../../practice-norms/norms-view.ts';
import { findUserByEmail, normaliseEmail } from '../../users/repository.ts';
import { UsageError } from '../io.ts';
import { openContext } from '../open-context.ts';
import { helpOption, parseCommandArgs, type Command } from './command.ts';

/** The person as the policies see them: their roles per practice. */
async function actorFor(db: Db, userId: string): Promise<Actor> {
	const rows = await db
		.selectFrom('memberships')
		.select(['practice_id', 'role'])
		.where('user_id', '=', userId)
		.execute();
	const practices: Record<string, PracticeRole[]> = {};
	for (const row of rows) (practices[row.practice_id] ??= []).push(row.role);
	return { userId, practices };
}

/**
 * `midpoint norms`: what the practice's instrument page offers its admin, from the command line
 * (issue 15): which norms are in force, and adopting or leaving the practice's own. It acts as
 * the admin named by --admin, so the same policy and the same refusals apply.
 */
export const normsCommand: Command = {
	name: 'norms',
	help: `Usage: midpoint norms --practice PRACTICE_ID --admin EMAIL [--adopt | --built-in]

Shows which norms a practice's new results are scored with and how many clean results it has.
--adopt puts norms from its clean results in force (at least 200 are needed); --built-in goes
back to the built-in norms. Either applies to results finished from then on. Acts as the
practice admin named by --admin. Exit codes: 0 done, 1 refused (nothing changed), 2 called wrongly.`,
	async run(args, io) {
		const { values } = parseCommandArgs(() =>
			parseArgs({
				args,
				options: {
					help: helpOption,
					practice: { type: 'string' },
					admin: { type: 'string' },
					adopt: { type: 'boolean' },
					'built-in': { type: 'boolean' }
				},
				allowPositionals: false,
				strict: true
			})
		);
		if (values.help) return (io.stdout(this.help), 0);
		if (!values.practice?.trim()) throw new UsageError('--practice is required.');
		if (!values.admin?.trim()) throw new UsageError('--admin is required.');
		if (values.adopt && values['built-in'])
			throw new UsageError('Give --adopt or --built-in, not both.');
		const { ctx, handle } = await openContext(io.env);
		try {
			const user = await findUserByEmail(ctx.db, normaliseEmail(values.admin));
			if (!user) {
				io.stderr(`No account has the address ${values.admin.trim()}. Nothing was changed.`);
				return 1;
			}
			const input = { actor: await actorFor(ctx.db, user.id), practiceId: values.practice.trim() };
			if (values.adopt) {
				const { respondents } = await adoptPracticeNorms(ctx, input);
				io.stdout(
					`Adopted norms from ${respondents} clean results for results finished from now on.`
				);
			} else if (values['built-in']) {
				await useBuiltInNorms(ctx, input);
				io.stdout('Results finished from now on use the built-in norms.');
			}
			const view = await getNormsView(ctx, input);
			io.stdout(
				(view.inForce
					? `In force: the practice's own norms, ${view.inForce.respondents} clean results, adopted ${view.inForce.adoptedAt}.`
					: `In force: the built-in norms (${view.builtInPeople} simulated people).`) +
					`\nClean, complete results today: ${view.clean} (norms of its own need ${view.minimum}).`
			);
			return 0;
		} catch (err) {
			if (!isDomainError(err)) throw err;
			io.stderr(err.message);
			return 1;
		} finally {
			await handle.close();
		}
	}
};
