import { todayFor } from '../../domain/actions/dates.ts';
import { DomainError } from '../../domain/errors.ts';
import { can, type Actor } from '../../domain/policies.ts';
import { arrangeActions } from '../actions/list-actions.ts';
import {
	listActionsOf,
	listReportsOf,
	type ActionRow,
	type ReportRow
} from '../actions/repository.ts';
import { toReportView, type ActionView, type ReportView } from '../actions/view.ts';
import type { AppContext } from '../context.ts';
import { listAnswersTo } from '../counterpart/repository.ts';
import { openActions, openReports } from '../actions/sealed-action.ts';
import { openAnswers } from '../counterpart/sealed-confirmation.ts';
import { lazyCipher, type LazyCipher } from '../crypto/field-crypto.ts';
import { clientFor, NOT_YOUR_CLIENT, type ClientInPractice } from './client-in-practice.ts';

export interface ReportBack extends ReportView {
	/** The report's id: the subject of its reply thread. */
	id: string;
}

export interface OtherPersonAnswer {
	answeredAt: string;
	happened: 'yes' | 'partly' | 'no' | null;
	mutuality: number | null;
	comment: string | null;
}

export interface ClientAction extends ActionView {
	/** Newest occurrence first; skips included (shown as skipped). */
	reports: ReportBack[];
	/** What the other person said through their emailed link, newest first. */
	answers: OtherPersonAnswer[];
}

/**
 * A client's actions with their report-backs and the other person's answers, for their coach
 * (policy action.read: the client and their assigned coach only). Three queries in all.
 */
export async function listClientActions(
	ctx: Pick<AppContext, 'db' | 'now' | 'masterKey'>,
	input: { actor: Actor; practiceId: string; clientId: string }
): Promise<ClientActions> {
	const client = await clientFor(ctx.db, input.actor, input, 'action.read');
	return listActionsOfClient(ctx, input.actor, client);
}

export interface ClientActions {
	open: ClientAction[];
	closed: ClientAction[];
	dueCount: number;
	/** Closed actions `pickClosed` left out. */
	closedHidden: number;
}

/** As listClientActions, for a client the caller has already found in the practice. */
export async function listActionsOfClient(
	ctx: Pick<AppContext, 'db' | 'now' | 'masterKey'>,
	actor: Actor,
	client: ClientInPractice,
	/** The client's key, when the caller already holds it for other parts of the page. */
	clientKey: LazyCipher = lazyCipher(ctx.db, ctx.masterKey, client.ownerId),
	/**
	 * Which closed actions (most recently closed first) to open, given every report-back as
	 * stored; all of them when not given. Only the actions kept are decrypted.
	 */
	pickClosed?: (closed: ActionRow[], reports: ReportRow[]) => { shown: ActionRow[]; hidden: number }
): Promise<ClientActions> {
	if (!can(actor, 'action.read', client)) throw new DomainError('not_found', NOT_YOUR_CLIENT);
	const stored = await listActionsOf(ctx.db, client.ownerId);
	const storedReports = await listReportsOf(
		ctx.db,
		stored.map((r) => r.id)
	);
	const closed = stored
		.filter((r) => r.closed_at !== null)
		.sort((a, b) => b.closed_at!.localeCompare(a.closed_at!));
	const picked = pickClosed?.(closed, storedReports) ?? { shown: closed, hidden: 0 };
	const kept = new Set(
		[...stored.filter((r) => r.closed_at === null), ...picked.shown].map((r) => r.id)
	);
	const rows = await openActions(
		clientKey,
		stored.filter((r) => kept.has(r.id))
	);
	const ids = rows.map((r) => r.id);
	const reports = await openReports(
		clientKey,
		storedReports.filter((r) => kept.has(r.action_id))
	);
	const answers = await openAnswers(clientKey, await listAnswersTo(ctx.db, ids));
	const arranged = arrangeActions(rows, reports, todayFor(ctx.now()));
	const reportsOf = new Map<string, ReportRow[]>();
	for (const r of reports) reportsOf.set(r.action_id, [...(reportsOf.get(r.action_id) ?? []), r]);
	const detail = (view: ActionView): ClientAction => ({
		...view,
		reports: (reportsOf.get(view.id) ?? []).map((r) => ({ id: r.id, ...toReportView(r) })),
		answers: answers
			.filter((a) => a.actionId === view.id)
			.map(({ actionId: _action, ...answer }) => answer)
	});
	return {
		open: arranged.open.map(detail),
		closed: arranged.closed.map(detail),
		dueCount: arranged.dueCount,
		closedHidden: picked.hidden
	};
}
