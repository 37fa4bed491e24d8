import { PROGRESS_NAMES } from '../../domain/programs/progress.ts';
import { versionChanges } from '../../domain/programs/diff.ts';
import type { AppContext } from '../context.ts';
import { userCipher } from '../crypto/field-crypto.ts';
import { documentOf } from './access.ts';
import { clientEnrolment, type ClientTarget } from './manage-enrolment.ts';
import { findLatestVersion } from './repository.ts';
import { runningTeamsOf } from './practice-teams.ts';
import { teamProblemOf } from '../../domain/programs/validate.ts';

/**
 * The coach's view of a client's program: where they are, the steps with what they did (check-in
 * answers decrypted for the coach), and what moving to the latest version would change.
 */
export async function getClientProgramPage(
	ctx: Pick<AppContext, 'db' | 'now' | 'masterKey'>,
	input: ClientTarget
) {
	const found = await clientEnrolment(ctx, input);
	if (!found) return null;
	const { state, steps } = found;
	const cipher = steps.some((s) => s.answer)
		? await userCipher(ctx.db, ctx.masterKey, input.clientId)
		: null;
	const done = new Map(
		steps.filter((s) => s.enrolment_id === state.enrolment.id).map((s) => [s.step_id, s])
	);
	const latest = state.programId ? await findLatestVersion(ctx.db, state.programId) : undefined;
	// A team check-in whose team no longer runs: said on the step, so the coach can move them on.
	const running = state.document.steps.some((s) => s.kind === 'team-check-in')
		? new Set((await runningTeamsOf(ctx.db, input.practiceId)).map((t) => t.id))
		: new Set<string>();
	const newer =
		latest && latest.number !== state.versionNumber
			? {
					number: latest.number,
					changes: versionChanges(state.document, documentOf(latest.document), new Set(done.keys()))
				}
			: null;
	return {
		name: found.name,
		title: state.programTitle,
		version: state.versionNumber,
		status: state.enrolment.status,
		progress: { code: state.progress, name: PROGRESS_NAMES[state.progress] },
		current: state.schedule.current && {
			id: state.schedule.current.step.id,
			number: state.schedule.current.index + 1,
			open: state.schedule.current.open
		},
		steps: state.document.steps.map((step) => {
			const row = done.get(step.id);
			return {
				id: step.id,
				title: step.title,
				doneAt: row?.completed_at ?? null,
				how: row?.how ?? null,
				teamGone: !row && teamProblemOf(step, running) !== null,
				answer:
					row?.answer && cipher
						? cipher.decrypt(
								{
									table: 'enrolment_steps',
									column: 'answer',
									rowId: `${row.enrolment_id}:${row.step_id}`
								},
								row.answer
							)
						: null
			};
		}),
		newer
	};
}
