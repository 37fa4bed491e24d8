import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../src/lib/server/context.ts';
import type { Actor, PracticeRole } from '../../src/lib/domain/policies.ts';
import { createAction } from '../../src/lib/server/actions/create-action.ts';
import { reportBack } from '../../src/lib/server/actions/report-back.ts';
import { selfPages } from '../../src/lib/server/assessments/get-assessment-page.ts';
import { saveAssessmentPage } from '../../src/lib/server/assessments/save-assessment-page.ts';
import { startAssessment } from '../../src/lib/server/assessments/start-assessment.ts';
import { saveJournalEntry } from '../../src/lib/server/journal/save-journal-entry.ts';
import { setJournalEntrySharing } from '../../src/lib/server/journal/set-journal-entry-sharing.ts';
import { addMembership } from '../../src/lib/server/practices/repository.ts';
import { buildClient, buildCoach } from './accounts.ts';

/** The actor as a session would build it: the person's roles per practice, from the database. */
export async function actorOf(ctx: AppContext, userId: string): Promise<Actor> {
	const rows = await ctx.db
		.selectFrom('memberships')
		.select(['practice_id', 'role'])
		.where('user_id', '=', userId)
		.execute();
	const practices: Record<string, PracticeRole[]> = {};
	for (const row of rows) (practices[row.practice_id] ??= []).push(row.role);
	return { userId, practices };
}

/** Makes an existing account a member of a practice in the given role. */
export async function join(
	ctx: AppContext,
	practiceId: string,
	userId: string,
	role: PracticeRole
) {
	await addMembership(ctx.db, {
		id: randomUUID(),
		practiceId,
		userId,
		role,
		at: ctx.now().toISOString()
	});
}

/**
 * A practice with a coach and their client, and everyone who must not see the client's
 * workspace: a colleague coach, an admin who does not coach, another client of the same coach,
 * and a coach (and admin) of another practice.
 */
export async function buildCoachingCast(ctx: AppContext) {
	const coach = await buildCoach(ctx, { name: 'Casey Coach' });
	const client = await buildClient(ctx, { coach, name: 'Iris Client' });
	const colleague = await buildClient(ctx, { name: 'Colin Colleague' });
	await join(ctx, coach.practiceId, colleague.userId, 'coach');
	const admin = await buildClient(ctx, { name: 'Ada Admin' });
	await join(ctx, coach.practiceId, admin.userId, 'admin');
	const peer = await buildClient(ctx, { coach, name: 'Pat Peer' });
	const elsewhere = await buildCoach(ctx, { name: 'Elsa Elsewhere' });
	const actors = {
		coach: await actorOf(ctx, coach.userId),
		client: await actorOf(ctx, client.userId),
		colleague: await actorOf(ctx, colleague.userId),
		admin: await actorOf(ctx, admin.userId),
		peer: await actorOf(ctx, peer.userId),
		elsewhere: await actorOf(ctx, elsewhere.userId)
	};
	const strangers = {
		'another coach of the practice': actors.colleague,
		'the practice admin': actors.admin,
		'another client': actors.peer,
		'a coach of another practice': actors.elsewhere
	};
	return { coach, client, practiceId: coach.practiceId, actors, strangers };
}

/** An entry the client wrote and shared with their coach. */
export async function sharedEntry(ctx: AppContext, actor: Actor, body: string) {
	const { id } = await saveJournalEntry(ctx, {
		actor,
		step: 'resonate',
		promptId: 'resonate-together',
		body,
		domains: [],
		disciplines: []
	});
	await setJournalEntrySharing(ctx, { actor, id, shared: true });
	return id;
}

/** An action due today with one report-back on it; returns the action's and the report's ids. */
export async function reportedAction(ctx: AppContext, actor: Actor, happened: string) {
	const today = ctx.now().toISOString().slice(0, 10);
	const { id } = await createAction(ctx, {
		actor,
		action: {
			what: 'Ask Sam to cook with me',
			withName: 'Sam',
			withEmail: null,
			domain: 'FAM',
			kind: 'ask-help',
			discipline: 'commitment',
			schedule: { type: 'date', dueOn: today },
			suggestionId: null,
			key: null
		}
	});
	await reportBack(ctx, {
		actor,
		actionId: id,
		report: {
			occurrence: today,
			outcome: 'done',
			happened,
			mutuality: 4,
			compared: 'better',
			measure: null,
			measureLabel: null,
			note: null
		}
	});
	const report = await ctx.db
		.selectFrom('action_reports')
		.select('id')
		.where('action_id', '=', id)
		.executeTakeFirstOrThrow();
	return { actionId: id, reportId: report.id, occurrence: today };
}

/** Takes the whole assessment as the client, a minute per page. */
export async function finishAssessment(ctx: AppContext, actor: Actor, advance: () => void) {
	const { id } = await startAssessment(ctx, { userId: actor.userId });
	for (let page = 0; page < selfPages.length; page++) {
		advance();
		const answers: Record<string, string> = {};
		for (const line of selfPages[page]!) answers[line.id] = line.attention ? '4' : '3';
		await saveAssessmentPage(ctx, { actor, assessmentId: id, page, answers, confirmSkip: false });
	}
	return id;
}
