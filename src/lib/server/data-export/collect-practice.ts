import { DOMAINS } from '../../content/instrument/codes.ts';
import { todayFor } from '../../domain/actions/dates.ts';
import { spreadsheetCsv } from '../../domain/csv/spreadsheet-safe.ts';
import { figure } from '../../domain/export/figures.ts';
import type { AppContext } from '../context.ts';
import { listActionsOf, listReportsOf } from '../actions/repository.ts';
import { arrangeActions } from '../actions/list-actions.ts';
import { parseScore } from '../assessments/get-assessment-result.ts';
import { listCompletedAssessments } from '../assessments/repository.ts';
import { findPractice, listPracticeMembers } from '../practices/repository.ts';
import type { Progress } from './collect-person.ts';

/**
 * A practice as its admin may see it on the roster: who is in it and in which role, each
 * client's results, and how their report-backs stand (counts and days, never what an action or
 * a report-back says, and never a word of anyone's journal).
 */
export async function collectPractice(
	ctx: AppContext,
	practiceId: string,
	progress: Progress
): Promise<Record<string, string>> {
	await progress(10, 'People and roles');
	const practice = await findPractice(ctx.db, practiceId);
	const members = await listPracticeMembers(ctx.db, practiceId);
	const names = new Map(members.map((m) => [m.userId, m.name]));
	const clients = members.filter((m) => m.role === 'client');
	// One line per person: an admin who also coaches is one person with two roles, in one order.
	const ROLE_ORDER = ['admin', 'coach', 'client'];
	const people: ((typeof members)[number] & { roles: string[] })[] = [];
	for (const m of members) {
		const known = people.find((p) => p.userId === m.userId);
		if (!known) people.push({ ...m, roles: [m.role] });
		else {
			known.roles = ROLE_ORDER.filter((role) => role === m.role || known.roles.includes(role));
			if (m.joinedAt < known.joinedAt) known.joinedAt = m.joinedAt;
			known.coachId ??= m.coachId;
		}
	}

	const results: (string | number | null)[][] = [];
	const status: (string | number | null)[][] = [];
	const today = todayFor(ctx.now());
	for (const [i, client] of clients.entries()) {
		await progress(
			20 + Math.round((70 * i) / Math.max(clients.length, 1)),
			'Results and report-backs'
		);
		for (const row of await listCompletedAssessments(ctx.db, client.userId)) {
			const score = parseScore(row);
			results.push([
				client.name,
				client.email,
				row.completed_at,
				figure(score.position),
				score.zone,
				...DOMAINS.map((d) => figure(score.domains[d].position))
			]);
		}
		const actions = await listActionsOf(ctx.db, client.userId);
		const reports = await listReportsOf(
			ctx.db,
			actions.map((a) => a.id)
		);
		const arranged = arrangeActions(actions, reports, today);
		const answered = reports.filter((r) => r.outcome !== null);
		const last =
			answered
				.map((r) => r.occurrence)
				.sort()
				.at(-1) ?? null;
		status.push([
			client.name,
			client.email,
			arranged.open.length,
			arranged.closed.length,
			arranged.dueCount,
			answered.length,
			reports.length - answered.length,
			last
		]);
	}
	return {
		'README.txt': [
			`Export of ${practice?.name ?? 'the practice'} made ${ctx.now().toISOString()} by Midpoint.`,
			'',
			"people.csv: everyone in the practice, once each, with their roles (admin, coach, client), a client's coach, and when they joined.",
			"results.csv: every finished assessment of every client: when, the overall position (-100 independent to +100 dependent, two decimals), its zone, and each group's position.",
			'report-back-status.csv: per client, how their actions and report-backs stand: counts and the last day only.',
			'',
			"It holds no journal text, nothing of what an action or a report-back says, no notes, no replies and no rater's answers: those are the clients'.",
			''
		].join('\r\n'),
		'people.csv': spreadsheetCsv(
			['name', 'email', 'role', 'coach', 'joined_at'],
			people.map((m) => [
				m.name,
				m.email,
				m.roles.join(', '),
				m.coachId ? (names.get(m.coachId) ?? '') : '',
				m.joinedAt
			])
		),
		'results.csv': spreadsheetCsv(
			[
				'client',
				'email',
				'completed_at',
				'position',
				'zone',
				...DOMAINS.map((d) => `${d}_position`)
			],
			results
		),
		'report-back-status.csv': spreadsheetCsv(
			[
				'client',
				'email',
				'open_actions',
				'closed_actions',
				'due_now',
				'report_backs',
				'skipped',
				'last_report_back'
			],
			status
		)
	};
}
