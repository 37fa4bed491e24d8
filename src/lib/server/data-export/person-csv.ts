import { DOMAINS } from '../../content/instrument/codes.ts';
import { spreadsheetCsv } from '../../domain/csv/spreadsheet-safe.ts';
import type { PersonExport } from '../../domain/export/person-export-schema.ts';

/** One line per program step done; a program with none done yet still has its line. */
function programsCsv(data: PersonExport): string {
	return spreadsheetCsv(
		[
			'enrolment_id',
			'program',
			'version',
			'started_at',
			'status',
			'ended_at',
			'step_id',
			'step_title',
			'done_at',
			'how',
			'check_in_answer'
		],
		data.enrolments.flatMap((e) => {
			const head = [e.id, e.program, e.version, e.startedAt, e.status, e.endedAt];
			if (!e.stepsDone.length) return [[...head, null, null, null, null, null]];
			return e.stepsDone.map((s) => [...head, s.stepId, s.title, s.doneAt, s.how, s.answer]);
		})
	);
}

/** One line per answer about a teammate; a check-in with none still has its line. */
function teamCheckInsCsv(data: PersonExport): string {
	return spreadsheetCsv(
		[
			'team',
			'check_in',
			'closes_at',
			'completed_at',
			'your_position',
			'team_position',
			'teammate',
			'question',
			'answer'
		],
		data.teamCheckIns.flatMap((c) => {
			const head = [c.team, c.checkIn, c.closesAt, c.completedAt, c.yourPosition, c.teamPosition];
			if (!c.aboutTeammates.length) return [[...head, null, null, null]];
			return c.aboutTeammates.map((a) => [...head, a.teammate, a.question, a.answer]);
		})
	);
}

/** One CSV per kind of thing, the same facts as the JSON file, for a spreadsheet. */
export function personCsvFiles(data: PersonExport): Record<string, string> {
	const itemIds = [...new Set(data.results.flatMap((r) => Object.keys(r.answers)))].sort();
	const files: Record<string, string> = {
		'results.csv': spreadsheetCsv(
			[
				'result_id',
				'completed_at',
				'position',
				'balance',
				'zone',
				...DOMAINS.flatMap((d) => [`${d}_position`, `${d}_zone`]),
				...itemIds.map((id) => `item_${id}`)
			],
			data.results.map((r) => [
				r.id,
				r.completedAt,
				r.position,
				r.balance,
				r.zone,
				...DOMAINS.flatMap((d) => [r.domains[d]?.position, r.domains[d]?.zone]),
				...itemIds.map((id) => r.answers[id])
			])
		),
		'journal.csv': spreadsheetCsv(
			['entry_id', 'created_at', 'updated_at', 'step', 'prompt', 'shared_with_coach_at', 'text'],
			data.journal.map((e) => [
				e.id,
				e.createdAt,
				e.updatedAt,
				e.step,
				e.promptId,
				e.sharedWithCoachAt,
				e.text
			])
		),
		'actions.csv': spreadsheetCsv(
			[
				'action_id',
				'created_at',
				'closed_at',
				'what',
				'with',
				'with_email',
				'group',
				'kind',
				'schedule'
			],
			data.actions.map((a) => [
				a.id,
				a.createdAt,
				a.closedAt,
				a.what,
				a.withName,
				a.withEmail,
				a.domain,
				a.kind,
				a.schedule
			])
		),
		'report-backs.csv': spreadsheetCsv(
			[
				'action_id',
				'occurrence',
				'skipped',
				'outcome',
				'happened',
				'mutuality',
				'compared',
				'measure',
				'measure_label',
				'note'
			],
			data.reportBacks.map((r) => [
				r.actionId,
				r.occurrence,
				r.skipped ? 'yes' : 'no',
				r.outcome,
				r.happened,
				r.mutuality,
				r.compared,
				r.measure,
				r.measureLabel,
				r.note
			])
		),
		'other-person-answers.csv': spreadsheetCsv(
			['action_id', 'sent_to', 'sent_at', 'answered_at', 'happened', 'mutuality', 'comment'],
			data.otherPersonAnswers.map((c) => [
				c.actionId,
				c.sentTo,
				c.sentAt,
				c.answeredAt,
				c.happened,
				c.mutuality,
				c.comment
			])
		),
		'replies.csv': spreadsheetCsv(
			['reply_id', 'created_at', 'on', 'subject_id', 'written_by', 'text'],
			data.replies.map((r) => [
				r.id,
				r.createdAt,
				r.on,
				r.subjectId,
				r.byYou ? 'you' : 'your coach',
				r.text
			])
		),
		'programs.csv': programsCsv(data),
		'team-check-ins.csv': teamCheckInsCsv(data),
		'coach-notes.csv': spreadsheetCsv(
			['client', 'created_at', 'updated_at', 'text'],
			data.coachNotes.map((n) => [n.client, n.createdAt, n.updatedAt, n.text])
		)
	};
	if (data.raterRounds.length)
		files['rater-rounds.csv'] = spreadsheetCsv(
			[
				'round_id',
				'opened_on',
				'closes_on',
				'closed',
				'group',
				'asked',
				'shown',
				'raters',
				'others_mean',
				'band_low',
				'band_high',
				'your_position'
			],
			data.raterRounds.flatMap((round) =>
				round.groups.map((g) => [
					round.id,
					round.openedOn,
					round.closesOn,
					round.closed ? 'yes' : 'no',
					g.domain,
					g.asked,
					g.shown,
					g.raters,
					g.othersMean,
					g.bandLow,
					g.bandHigh,
					g.yourPosition
				])
			)
		);
	return files;
}
