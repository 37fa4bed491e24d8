import type { Actor } from '../../domain/policies.ts';
import type { PersonExport } from '../../domain/export/person-export-schema.ts';
import { PERSON_EXPORT_VERSION } from '../../domain/export/person-export-schema.ts';
import { todayFor } from '../../domain/actions/dates.ts';
import type { AppContext } from '../context.ts';
import { listActionsOf, listReportsOf } from '../actions/repository.ts';
import { toReportView, toView } from '../actions/view.ts';
import { listAssessmentHistory } from '../assessments/list-assessment-history.ts';
import { findAssessment } from '../assessments/repository.ts';
import { listConfirmationsOf } from '../counterpart/repository.ts';
import { openActions, openReports } from '../actions/sealed-action.ts';
import { openAnswers } from '../counterpart/sealed-confirmation.ts';
import { lazyCipher } from '../crypto/field-crypto.ts';
import { listFeedbackRounds } from '../feedback/view-rounds.ts';
import { listJournalEntries } from '../journal/list-journal-entries.ts';
import { getResultReport } from '../pdf/get-result-report.ts';
import { readPersonReplies } from './read-person-replies.ts';
import { listMyEnrolments } from '../programs/my-enrolments.ts';
import { coachNotesOf, teamCheckInsOf } from './collect-teams-and-notes.ts';
import type { User } from '../db/types.ts';
import { raterRoundOf, resultOf } from './person-shapes.ts';

export interface PersonFiles {
	data: PersonExport;
	pdfs: { path: string; bytes: Uint8Array }[];
}

export type Progress = (percent: number, step: string) => Promise<void>;

/**
 * Everything of one person, read through the same use-cases their own pages use (so what the
 * export holds is what they may see: raters' answers pooled, journal text decrypted with their
 * key). The job calls this as the person; the request checked `account.export` first.
 */
export async function collectPerson(
	ctx: AppContext,
	user: User,
	progress: Progress
): Promise<PersonFiles> {
	const actor: Actor = { userId: user.id, practices: {} };
	const reader = { actor, user };

	await progress(5, 'Your results and their PDFs');
	const history = await listAssessmentHistory(ctx, { actor, userId: user.id });
	const results: PersonExport['results'] = [];
	const pdfs: PersonFiles['pdfs'] = [];
	for (const entry of history.entries) {
		const row = await findAssessment(ctx.db, entry.id);
		const { pdf, day } = await getResultReport(ctx, { reader, assessmentId: entry.id });
		const path = `results/result-${day}-${entry.id.slice(0, 8)}.pdf`;
		pdfs.push({ path, bytes: pdf });
		results.push(resultOf(entry, JSON.parse(row?.answers ?? '{}'), path));
	}

	await progress(40, 'Your journal');
	const journal = (await listJournalEntries(ctx, { actor })).map((e) => ({
		id: e.id,
		step: e.step,
		promptId: e.promptId,
		text: e.body,
		domains: e.domains,
		disciplines: e.disciplines,
		sharedWithCoachAt: e.sharedAt,
		createdAt: e.createdAt,
		updatedAt: e.updatedAt
	}));

	await progress(55, 'Your actions and report-backs');
	const today = todayFor(ctx.now());
	// Action wording, report-back text and the other person's answers are sealed at rest
	// (decision 0037): opened here with the person's own key, so the export is readable.
	const cipher = lazyCipher(ctx.db, ctx.masterKey, user.id);
	const actionRows = await openActions(cipher, await listActionsOf(ctx.db, user.id));
	const reportRows = await openReports(
		cipher,
		await listReportsOf(
			ctx.db,
			actionRows.map((a) => a.id)
		)
	);
	const actions = actionRows.map((row) => {
		const view = toView(row, [], today);
		const { what, withName, withEmail, kind, discipline, createdAt, closedAt } = view;
		const schedule = view.scheduleText;
		return {
			...{ id: row.id, what, withName, withEmail, domain: row.domain, kind, discipline },
			...{ schedule, createdAt, closedAt }
		};
	});
	const reportBacks = reportRows.map((row) => {
		const r = toReportView(row);
		return {
			actionId: row.action_id,
			occurrence: r.occurrence,
			skipped: r.skipped,
			outcome: r.outcome,
			happened: r.happened,
			mutuality: r.mutuality,
			compared: r.compared,
			measure: r.measure,
			measureLabel: r.measureLabel,
			note: r.note,
			updatedAt: r.updatedAt
		};
	});
	const otherPersonAnswers: PersonExport['otherPersonAnswers'] = [];
	for (const row of actionRows)
		for (const c of await openAnswers(cipher, await listConfirmationsOf(ctx.db, row.id)))
			otherPersonAnswers.push({
				actionId: row.id,
				sentTo: c.sentTo,
				sentAt: c.createdAt,
				answeredAt: c.answeredAt,
				happened: c.happened,
				mutuality: c.mutuality,
				comment: c.comment
			});

	await progress(70, 'Replies between you and your coach');
	const replies = await readPersonReplies(ctx, {
		userId: user.id,
		entryIds: journal.map((e) => e.id),
		reportIds: reportRows.map((r) => r.id)
	});

	await progress(80, 'How others see you');
	const raterRounds =
		user.kind === 'client' ? (await listFeedbackRounds(ctx, { actor })).map(raterRoundOf) : [];

	await progress(85, 'Your programs');
	const enrolments = await listMyEnrolments(ctx, { actor });

	return {
		data: {
			format: 'midpoint-person-export',
			version: PERSON_EXPORT_VERSION,
			exportedAt: ctx.now().toISOString(),
			person: {
				id: user.id,
				name: user.name,
				email: user.email,
				kind: user.kind,
				createdAt: user.created_at
			},
			results,
			journal,
			actions,
			reportBacks,
			otherPersonAnswers,
			replies,
			raterRounds,
			enrolments,
			teamCheckIns: await teamCheckInsOf(ctx, user.id),
			coachNotes: user.kind === 'coach' ? await coachNotesOf(ctx, user.id) : []
		},
		pdfs
	};
}
