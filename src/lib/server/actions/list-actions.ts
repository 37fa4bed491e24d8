import { todayFor, type IsoDate } from '../../domain/actions/dates.ts';
import { latestAndNews } from '../../domain/latest-and-news.ts';
import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { listActionsOf, listReportsOf, type ActionRow, type ReportRow } from './repository.ts';
import { toView, type ActionView } from './view.ts';
import { openActions } from './sealed-action.ts';
import { ownerCiphers } from '../crypto/sealed-fields.ts';

/** How many closed actions the list shows before "Show all". */
export const CLOSED_ACTIONS_SHOWN = 10;

/**
 * The actor's own actions: open ones with what is due now first (oldest due first), then by the
 * next occurrence; closed ones below, most recently closed first. With `recent`, only the latest
 * closed ones and any with news (a reply not read yet) are listed, and only those are decrypted;
 * `closedHidden` counts the rest.
 */
export async function listActions(
	ctx: Pick<AppContext, 'db' | 'now' | 'masterKey'>,
	input: { actor: Actor; recent?: { hasNews: (actionId: string) => boolean } }
): Promise<{ open: ActionView[]; closed: ActionView[]; dueCount: number; closedHidden: number }> {
	const today = todayFor(ctx.now());
	const all = await listActionsOf(ctx.db, input.actor.userId);
	const closed = all
		.filter((r) => r.closed_at !== null)
		.sort((a, b) => b.closed_at!.localeCompare(a.closed_at!));
	const { shown, hidden } = latestAndNews(
		closed,
		CLOSED_ACTIONS_SHOWN,
		(row) => input.recent?.hasNews(row.id) ?? false,
		!input.recent
	);
	const listed = new Set([...all.filter((r) => r.closed_at === null), ...shown]);
	const rows = await openActions(
		ownerCiphers(ctx),
		all.filter((r) => listed.has(r))
	);
	const reports = await listReportsOf(
		ctx.db,
		rows.map((r) => r.id)
	);
	return { ...arrangeActions(rows, reports, today), closedHidden: hidden };
}

/** One person's actions in the order above; also used for the coach's view of a client. */
export function arrangeActions(
	rows: readonly ActionRow[],
	reports: readonly ReportRow[],
	today: IsoDate
): { open: ActionView[]; closed: ActionView[]; dueCount: number } {
	const byAction = new Map<string, ReportRow[]>();
	for (const report of reports) {
		const list = byAction.get(report.action_id) ?? [];
		list.push(report);
		byAction.set(report.action_id, list);
	}
	const views = rows.map((row) => toView(row, byAction.get(row.id) ?? [], today));
	const far = '9999-12-31';
	const open = views
		.filter((v) => v.closedAt === null)
		.sort((a, b) => {
			if ((a.due === null) !== (b.due === null)) return a.due ? -1 : 1;
			const ka = a.due ?? a.next ?? far;
			const kb = b.due ?? b.next ?? far;
			return ka < kb ? -1 : ka > kb ? 1 : a.createdAt.localeCompare(b.createdAt);
		});
	const closed = views
		.filter((v) => v.closedAt !== null)
		.sort((a, b) => b.closedAt!.localeCompare(a.closedAt!));
	return { open, closed, dueCount: open.filter((v) => v.due !== null).length };
}
