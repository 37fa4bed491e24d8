import { can, type Actor } from '../../domain/policies.ts';
import { actionFor } from '../actions/access.ts';
import { listReportsOf } from '../actions/repository.ts';
import { clientResource } from '../assessments/access.ts';
import type { AppContext } from '../context.ts';
import { readThreads, type ReplyView } from './threads.ts';

export interface ReportThread {
	reportId: string;
	replies: ReplyView[];
}

/**
 * The threads on an action's report-backs, keyed by occurrence (the day reported on), for the
 * client and their coach. Reading them marks the other person's replies as read.
 */
export async function getActionThreads(
	ctx: Pick<AppContext, 'db' | 'masterKey' | 'now' | 'log'>,
	input: { actor: Actor; actionId: string }
): Promise<{ threads: Record<string, ReportThread>; canReply: boolean }> {
	const action = await actionFor(ctx.db, input.actor, input.actionId, 'action.read');
	const resource = await clientResource(ctx.db, action.user_id);
	if (!can(input.actor, 'reply.read', resource)) return { threads: {}, canReply: false };
	const reports = (await listReportsOf(ctx.db, [action.id])).filter((r) => r.outcome !== null);
	const found = await readThreads(ctx, {
		readerId: input.actor.userId,
		clientId: action.user_id,
		subjectType: 'report',
		subjectIds: reports.map((r) => r.id)
	});
	const threads: Record<string, ReportThread> = {};
	for (const report of reports) {
		threads[report.occurrence] = { reportId: report.id, replies: found.get(report.id) ?? [] };
	}
	return { threads, canReply: can(input.actor, 'reply.write', resource) };
}
