import { askRefusal } from '../../domain/actions/asking.ts';
import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { listConfirmations } from '../counterpart/list-confirmations.ts';
import { getActionThreads } from '../replies/get-action-threads.ts';
import { getAction } from './get-action.ts';

/**
 * Everything the action's own page shows: the action and its report-backs, the one being
 * changed (`occurrence`, from `?occurrence=`), the links sent to the other person, and the
 * conversations with the coach on each report-back. Only the owner's view carries the threads:
 * the coach reads theirs on the client's page, where reading them counts.
 */
export async function getActionPage(
	ctx: Pick<AppContext, 'db' | 'masterKey' | 'now' | 'log'>,
	input: { actor: Actor; actionId: string; occurrence: string | null }
) {
	const { actor, actionId } = input;
	const view = await getAction(ctx, { actor, actionId });
	const editing = view.reports.find((r) => r.occurrence === input.occurrence && !r.skipped) ?? null;
	const confirmations = await listConfirmations(ctx, { actor, actionId });
	const threads = view.canWrite
		? await getActionThreads(ctx, { actor, actionId })
		: { threads: {}, canReply: false };
	// Said in place of the button when the other person may not be asked again yet.
	const askRefused = askRefusal(
		confirmations,
		view.action.schedule.type,
		ctx.now(),
		view.action.withName
	);
	return { ...view, editing, confirmations, threads, askRefused };
}
