import { DomainError } from '../../domain/errors.ts';
import { can, type Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { lazyCipher } from '../crypto/field-crypto.ts';
import { documentFor } from './enrolment-view.ts';
import { listEnrolmentSteps, listEnrolmentsOf } from './repository.ts';
import { BUILT_IN_PROGRAM } from '../../content/programs/builtin.ts';

/**
 * Every program the person has followed, ended ones too: the version, when it started, where it
 * stands, and each step done with its day and how, with their check-in answers opened with their
 * own key. For their data export (decision 0036): only the person themself may read it.
 */
export async function listMyEnrolments(
	ctx: Pick<AppContext, 'db' | 'masterKey'>,
	input: { actor: Actor }
) {
	const userId = input.actor.userId;
	if (!can(input.actor, 'enrolment.follow', { ownerId: userId }))
		throw new DomainError('forbidden', 'Only you can read your own programs.');
	const found = await listEnrolmentsOf(ctx.db, userId);
	const rows = await listEnrolmentSteps(
		ctx.db,
		found.map((f) => f.enrolment.id)
	);
	const cipher = lazyCipher(ctx.db, ctx.masterKey, userId);
	const out = [];
	for (const f of found) {
		const steps = new Map(documentFor(f).steps.map((s) => [s.id, s]));
		const done = rows
			.filter((r) => r.enrolment_id === f.enrolment.id)
			.sort((a, b) => a.completed_at.localeCompare(b.completed_at));
		out.push({
			id: f.enrolment.id,
			program: f.document ? f.programTitle : BUILT_IN_PROGRAM.title,
			version: f.versionNumber,
			startedAt: f.enrolment.start_at,
			status: f.enrolment.status,
			pausedAt: f.enrolment.paused_at,
			endedAt: f.enrolment.ended_at,
			stepsDone: await Promise.all(
				done.map(async (r) => ({
					stepId: r.step_id,
					// A step later taken out of a newer version keeps its id only.
					title: steps.get(r.step_id)?.title ?? null,
					kind: steps.get(r.step_id)?.kind ?? null,
					doneAt: r.completed_at,
					how: r.how,
					answer: r.answer
						? (await cipher()).decrypt(
								{
									table: 'enrolment_steps',
									column: 'answer',
									rowId: `${r.enrolment_id}:${r.step_id}`
								},
								r.answer
							)
						: null
				}))
			)
		});
	}
	return out;
}
