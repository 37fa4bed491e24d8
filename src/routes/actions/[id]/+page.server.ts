import { error, redirect, type ActionFailure } from '@sveltejs/kit';
import { todayFor } from '$lib/domain/actions/dates';
import { pauseSchema, reportSchema, rescheduleSchema } from '$lib/domain/actions/schemas';
import { isDomainError } from '$lib/domain/errors';
import { closeAction } from '$lib/server/actions/close-action';
import { deleteAction } from '$lib/server/actions/delete-action';
import { getAction } from '$lib/server/actions/get-action';
import { askCounterpart } from '$lib/server/counterpart/ask-counterpart';
import { listConfirmations } from '$lib/server/counterpart/list-confirmations';
import { pauseAction } from '$lib/server/actions/pause-action';
import { reportBack } from '$lib/server/actions/report-back';
import { rescheduleAction } from '$lib/server/actions/reschedule-action';
import { resumeAction } from '$lib/server/actions/resume-action';
import { skipOccurrence } from '$lib/server/actions/skip-occurrence';
import { getActionThreads } from '$lib/server/replies/get-action-threads';
import { postReply } from '$lib/server/replies/post-reply';
import {
	baseUrl,
	failFromError,
	formValues,
	parseForm,
	type FormState
} from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	try {
		const view = await getAction(locals.ctx, {
			actor: locals.signedIn!.actor,
			actionId: params.id
		});
		// `?occurrence=` opens an earlier report-back to change it.
		const asked = url.searchParams.get('occurrence');
		const editing = view.reports.find((r) => r.occurrence === asked && !r.skipped) ?? null;
		const actor = locals.signedIn!.actor;
		const confirmations = await listConfirmations(locals.ctx, { actor, actionId: params.id });
		// Conversations with the coach on each report-back, by occurrence (the coach has theirs on
		// the client's page, where reading them counts).
		const threads = view.canWrite
			? await getActionThreads(locals.ctx, { actor, actionId: params.id })
			: { threads: {}, canReply: false };
		return { ...view, editing, confirmations, threads, saved: url.searchParams.get('saved') };
	} catch (err) {
		if (isDomainError(err)) error(err.status, err.message);
		throw err;
	}
};

type Step = (values: Record<string, string>) => Promise<string | ActionFailure<FormState>>;

/**
 * Runs one form's step: the use-case's expected errors come back as the filled form (tagged
 * with which form it was), "not found" as a 404 page; success goes back to the action.
 */
async function run(request: Request, which: string, step: Step) {
	const values = { ...formValues(await request.formData()), form: which };
	let target: string | ActionFailure<FormState>;
	try {
		target = await step(values);
	} catch (err) {
		if (isDomainError(err) && err.code === 'not_found') error(404, err.message);
		return failFromError(err, values);
	}
	if (typeof target !== 'string') {
		target.data.values.form = which;
		return target;
	}
	redirect(303, target);
}

export const actions: Actions = {
	report: ({ locals, params, request }) =>
		run(request, 'report', async (values) => {
			const parsed = parseForm(reportSchema, values);
			if (!parsed.ok) return parsed.failure;
			await reportBack(locals.ctx, {
				actor: locals.signedIn!.actor,
				actionId: params.id,
				report: parsed.data
			});
			return `/actions/${params.id}?saved=report#history`;
		}),
	skip: ({ locals, params, request }) =>
		run(request, 'skip', async (values) => {
			await skipOccurrence(locals.ctx, {
				actor: locals.signedIn!.actor,
				actionId: params.id,
				occurrence: values.occurrence ?? ''
			});
			return `/actions/${params.id}?saved=skip`;
		}),
	pause: ({ locals, params, request }) =>
		run(request, 'pause', async (values) => {
			const parsed = parseForm(pauseSchema(todayFor(locals.ctx.now())), values);
			if (!parsed.ok) return parsed.failure;
			await pauseAction(locals.ctx, {
				actor: locals.signedIn!.actor,
				actionId: params.id,
				until: parsed.data.pauseUntil
			});
			return `/actions/${params.id}?saved=pause`;
		}),
	resume: ({ locals, params, request }) =>
		run(request, 'resume', async () => {
			await resumeAction(locals.ctx, { actor: locals.signedIn!.actor, actionId: params.id });
			return `/actions/${params.id}?saved=resume`;
		}),
	reschedule: ({ locals, params, request }) =>
		run(request, 'reschedule', async (values) => {
			const parsed = parseForm(rescheduleSchema(todayFor(locals.ctx.now())), values);
			if (!parsed.ok) return parsed.failure;
			await rescheduleAction(locals.ctx, {
				actor: locals.signedIn!.actor,
				actionId: params.id,
				schedule: parsed.data
			});
			return `/actions/${params.id}?saved=moved`;
		}),
	ask: ({ locals, params, request, url }) =>
		run(request, 'ask', async () => {
			const base = baseUrl(url, locals.ctx.config.publicUrl);
			await askCounterpart(locals.ctx, {
				actor: locals.signedIn!.actor,
				actionId: params.id,
				baseUrl: base
			});
			return `/actions/${params.id}?saved=asked#other-person`;
		}),
	reply: ({ locals, params, request, url }) =>
		run(request, 'reply', async (values) => {
			const subjectId = values.subjectId ?? '';
			await postReply(locals.ctx, {
				actor: locals.signedIn!.actor,
				subjectType: 'report',
				subjectId,
				body: values.body ?? '',
				baseUrl: baseUrl(url, locals.ctx.config.publicUrl)
			});
			return `/actions/${params.id}?saved=reply#thread-${encodeURIComponent(subjectId)}`;
		}),
	close: ({ locals, params, request }) =>
		run(request, 'close', async () => {
			await closeAction(locals.ctx, { actor: locals.signedIn!.actor, actionId: params.id });
			return `/actions/${params.id}?saved=closed`;
		}),
	delete: ({ locals, params, request }) =>
		run(request, 'delete', async () => {
			await deleteAction(locals.ctx, { actor: locals.signedIn!.actor, actionId: params.id });
			return `/actions?deleted=1`;
		})
};
