import { BUILT_IN_PROGRAM } from '../../content/programs/builtin.ts';
import { can, type Actor } from '../../domain/policies.ts';
import { STEP_KIND_NAMES, type StepKind } from '../../domain/programs/schema.ts';
import { teamProblemOf } from '../../domain/programs/validate.ts';
import { formOfStep } from '../../domain/programs/step-form.ts';
import { describeDelivery } from '../../domain/programs/describe.ts';
import { todayFor } from '../../domain/actions/dates.ts';
import type { AppContext } from '../context.ts';
import { listPracticeMembers } from '../practices/repository.ts';
import { documentOf, requireProgramStaff, usableProgram } from './access.ts';
import { findLatestVersion, listOpenEnrolments, listPracticePrograms } from './repository.ts';
import { thresholdsOf } from './thresholds.ts';
import { kindNameOf, runningTeamsOf } from './practice-teams.ts';

type Ctx = Pick<AppContext, 'db' | 'now'>;

/** The practice's programs the actor may use: their own and shared ones (every one, for an admin). */
export async function getProgramsPage(ctx: Ctx, input: { actor: Actor; practiceId: string }) {
	requireProgramStaff(input.actor, input.practiceId);
	const isAdmin = can(input.actor, 'program.share', { practiceId: input.practiceId });
	const all = await listPracticePrograms(ctx.db, input.practiceId);
	return {
		programs: all
			.filter((p) => isAdmin || p.authorId === input.actor.userId || p.sharedAt)
			.map((p) => ({ ...p, mine: p.authorId === input.actor.userId })),
		builtIn: {
			title: BUILT_IN_PROGRAM.title,
			summary: BUILT_IN_PROGRAM.summary,
			steps: BUILT_IN_PROGRAM.steps.length
		},
		isAdmin,
		thresholds: await thresholdsOf(ctx.db, input.practiceId)
	};
}

/** The kinds of step the builder offers; a team check-in needs a running team in the practice. */
const kindsFor = (hasTeams: boolean) =>
	(Object.keys(STEP_KIND_NAMES) as StepKind[]).map((kind) => ({
		kind,
		name: STEP_KIND_NAMES[kind],
		available: kind !== 'team-check-in' || hasTeams
	}));

/** Clients the actor may enrol: their own (every client, for an admin), and who already follows one. */
async function enrollable(ctx: Ctx, actor: Actor, practiceId: string) {
	const members = await listPracticeMembers(ctx.db, practiceId);
	const clients = members.filter(
		(m) =>
			m.role === 'client' &&
			can(actor, 'enrolment.manage', { practiceId, ownerId: m.userId, coachId: m.coachId })
	);
	const open = new Set(
		(
			await listOpenEnrolments(
				ctx.db,
				clients.map((c) => c.userId)
			)
		).map((e) => e.enrolment.user_id)
	);
	return clients.map((c) => ({ id: c.userId, name: c.name, enrolled: open.has(c.userId) }));
}

/** The builder: the draft's steps with their form values, the latest version, whom to enrol. */
export async function getProgramBuilder(
	ctx: Ctx,
	input: { actor: Actor; practiceId: string; programId: string }
) {
	const { program, editable } = await usableProgram(
		ctx.db,
		input.actor,
		input.programId,
		input.practiceId
	);
	const draft = documentOf(program.draft);
	const latest = await findLatestVersion(ctx.db, program.id);
	const teams = await runningTeamsOf(ctx.db, input.practiceId);
	const running = new Set(teams.map((t) => t.id));
	return {
		program: {
			id: program.id,
			title: draft.title,
			summary: draft.summary,
			shared: !!program.shared_at,
			editable
		},
		steps: draft.steps.map((step, i) => ({
			id: step.id,
			when: describeDelivery(draft.steps, i),
			kind: step.kind,
			kindName: kindNameOf(step, teams),
			teamProblem: teamProblemOf(step, running),
			form: formOfStep(step),
			suggestions: step.kind === 'actions' ? step.suggestions : []
		})),
		kinds: kindsFor(teams.length > 0),
		teams,
		latest: latest
			? {
					number: latest.number,
					publishedAt: latest.publishedAt,
					unpublishedChanges: latest.document !== JSON.stringify(draft)
				}
			: null,
		canShare: can(input.actor, 'program.share', { practiceId: input.practiceId }),
		clients: await enrollable(ctx, input.actor, input.practiceId),
		today: todayFor(ctx.now())
	};
}
