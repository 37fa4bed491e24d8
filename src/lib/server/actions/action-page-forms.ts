import { todayFor } from '../../domain/actions/dates.ts';
import { pauseSchema, reportSchema, rescheduleSchema } from '../../domain/actions/schemas.ts';
import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { askCounterpart } from '../counterpart/ask-counterpart.ts';
import { parseValues } from '../http/form-action.ts';
import { postReply } from '../replies/post-reply.ts';
import { closeAction } from './close-action.ts';
import { deleteAction } from './delete-action.ts';
import { pauseAction } from './pause-action.ts';
import { reportBack } from './report-back.ts';
import { rescheduleAction } from './reschedule-action.ts';
import { resumeAction } from './resume-action.ts';
import { skipOccurrence } from './skip-occurrence.ts';

type Ctx = Pick<AppContext, 'db' | 'masterKey' | 'now'>;
interface Sent {
	actor: Actor;
	actionId: string;
	values: Record<string, string>;
	/** Where links in emails point. */
	baseUrl: string;
}

/**
 * The forms on an action's page: each turns what was sent into its use-case's input and says
 * where the person goes next (back to the action, at the part that changed). Refusals are
 * thrown, and the form action answers them.
 */
export const actionPageForms = {
	report: async (ctx: Ctx, { actor, actionId, values }: Sent) => {
		await reportBack(ctx, { actor, actionId, report: parseValues(reportSchema, values) });
		return `/actions/${actionId}?saved=report#history`;
	},
	skip: async (ctx: Ctx, { actor, actionId, values }: Sent) => {
		await skipOccurrence(ctx, { actor, actionId, occurrence: values.occurrence ?? '' });
		return `/actions/${actionId}?saved=skip`;
	},
	pause: async (ctx: Ctx, { actor, actionId, values }: Sent) => {
		const { pauseUntil } = parseValues(pauseSchema(todayFor(ctx.now())), values);
		await pauseAction(ctx, { actor, actionId, until: pauseUntil });
		return `/actions/${actionId}?saved=pause`;
	},
	resume: async (ctx: Ctx, { actor, actionId }: Sent) => {
		await resumeAction(ctx, { actor, actionId });
		return `/actions/${actionId}?saved=resume`;
	},
	reschedule: async (ctx: Ctx, { actor, actionId, values }: Sent) => {
		const schedule = parseValues(rescheduleSchema(todayFor(ctx.now())), values);
		await rescheduleAction(ctx, { actor, actionId, schedule });
		return `/actions/${actionId}?saved=moved`;
	},
	ask: async (ctx: Ctx, { actor, actionId, baseUrl }: Sent) => {
		await askCounterpart(ctx, { actor, actionId, baseUrl });
		return `/actions/${actionId}?saved=asked#other-person`;
	},
	reply: async (ctx: Ctx, { actor, actionId, values, baseUrl }: Sent) => {
		const subjectId = values.subjectId ?? '';
		const body = values.body ?? '';
		await postReply(ctx, { actor, subjectType: 'report', subjectId, body, baseUrl });
		return `/actions/${actionId}?saved=reply#thread-${encodeURIComponent(subjectId)}`;
	},
	close: async (ctx: Ctx, { actor, actionId }: Sent) => {
		await closeAction(ctx, { actor, actionId });
		return `/actions/${actionId}?saved=closed`;
	},
	delete: async (ctx: Ctx, { actor, actionId }: Sent) => {
		await deleteAction(ctx, { actor, actionId });
		return `/actions?deleted=1`;
	}
};

export type ActionPageForm = keyof typeof actionPageForms;
