import { markView, type VisitMarks } from '../../domain/coach-visits.ts';
import type { AppContext } from '../context.ts';
import { deferMark, pendingMarks, type MarkKind } from '../deferred/deferred-marks.ts';
import { findCoachVisit, markCoachVisit } from '../roster/repository.ts';

/** "The coach opened this client's page at …", per client (see markCoachVisit). */
const coachVisit: MarkKind<string> = {
	name: 'coach visit',
	merge: (earlier, later) => (later > earlier ? later : earlier),
	async write(db, marks) {
		await db.transaction().execute(async (trx) => {
			for (const [clientId, at] of marks) await markCoachVisit(trx, clientId, at);
		});
	}
};

/**
 * Queues the mark that the client's own coach looked at their page now (written just after the
 * response); a view by anyone else (the practice admin) marks nothing.
 */
export function recordCoachVisit(
	ctx: Pick<AppContext, 'db' | 'log' | 'now'>,
	overview: { ownCoach: boolean; client: { id: string } }
): void {
	if (overview.ownCoach) deferMark(ctx, coachVisit, overview.client.id, ctx.now().toISOString());
}

/** The coach's visit marks for one client, counting a mark this process has not written yet. */
export async function readCoachVisit(
	ctx: Pick<AppContext, 'db'>,
	clientId: string
): Promise<VisitMarks> {
	// Taken before the read: a batch written while the read runs stays in view.
	const queued = pendingMarks(ctx, coachVisit)(clientId);
	const stored = await findCoachVisit(ctx.db, clientId);
	return queued ? markView(stored, queued) : stored;
}
