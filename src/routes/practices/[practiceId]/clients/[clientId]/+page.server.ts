import { error } from '@sveltejs/kit';
import { findPrompt } from '$lib/content/program/reflection';
import { todayFor } from '$lib/domain/actions/dates';
import { describeChange } from '$lib/domain/describe-change';
import { isDomainError } from '$lib/domain/errors';
import { addCoachNote } from '$lib/server/coach-notes/add-coach-note';
import { deleteCoachNote } from '$lib/server/coach-notes/delete-coach-note';
import { editCoachNote } from '$lib/server/coach-notes/edit-coach-note';
import { baseUrl } from '$lib/server/http/forms';
import { getClientOverview } from '$lib/server/practices/get-client-overview';
import { cancelReassessment } from '$lib/server/reassessments/cancel-reassessment';
import { scheduleReassessment } from '$lib/server/reassessments/schedule-reassessment';
import { postReply } from '$lib/server/replies/post-reply';
import { formStep } from './form-step';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	try {
		const overview = await getClientOverview(locals.ctx, {
			actor: locals.signedIn!.actor,
			practiceId: params.practiceId,
			clientId: params.clientId
		});
		return {
			...overview,
			results: overview.results.map((r) => ({
				id: r.id,
				completedAt: r.completedAt,
				position: r.score.position,
				band: r.score.band ? { low: r.score.band.low, high: r.score.band.high } : null,
				changeText: r.change ? describeChange(r.change, r.score.position) : null
			})),
			sharedEntries:
				overview.sharedEntries?.map((e) => ({
					id: e.id,
					prompt: findPrompt(e.step, e.promptId)?.prompt.text ?? '',
					body: e.body,
					sharedAt: e.sharedAt!,
					replies: e.replies
				})) ?? null,
			today: todayFor(locals.ctx.now()),
			editingNote: url.searchParams.get('note'),
			saved: url.searchParams.get('saved'),
			sentTo: url.searchParams.get('to')
		};
	} catch (err) {
		if (isDomainError(err)) error(404, err.message);
		throw err;
	}
};

export const actions: Actions = {
	reply: ({ locals, request, url }) =>
		formStep(request, 'reply', async (values) => {
			await postReply(locals.ctx, {
				actor: locals.signedIn!.actor,
				subjectType: values.subjectType ?? '',
				subjectId: values.subjectId ?? '',
				body: values.body ?? '',
				baseUrl: baseUrl(url, locals.ctx.config.publicUrl)
			});
			const to = encodeURIComponent(values.subjectId ?? '');
			return `${url.pathname}?saved=reply&to=${to}#thread-${to}`;
		}),
	addNote: ({ locals, params, request, url }) =>
		formStep(request, 'addNote', async (values) => {
			const target = { actor: locals.signedIn!.actor, ...params };
			await addCoachNote(locals.ctx, { ...target, body: values.body ?? '' });
			return `${url.pathname}?saved=note#notes`;
		}),
	editNote: ({ locals, params, request, url }) =>
		formStep(request, 'editNote', async (values) => {
			const target = { actor: locals.signedIn!.actor, ...params };
			const noteId = values.noteId ?? '';
			await editCoachNote(locals.ctx, { ...target, noteId, body: values.body ?? '' });
			return `${url.pathname}?saved=note-edited#note-${noteId}`;
		}),
	deleteNote: ({ locals, params, request, url }) =>
		formStep(request, 'deleteNote', async (values) => {
			const target = { actor: locals.signedIn!.actor, ...params };
			await deleteCoachNote(locals.ctx, { ...target, noteId: values.noteId ?? '' });
			return `${url.pathname}?saved=note-deleted#notes`;
		}),
	schedule: ({ locals, params, request, url }) =>
		formStep(request, 'schedule', async (values) => {
			const target = { actor: locals.signedIn!.actor, ...params };
			await scheduleReassessment(locals.ctx, { ...target, dueOn: values.dueOn ?? '' });
			return `${url.pathname}?saved=reassessment#reassessment`;
		}),
	cancelReassessment: ({ locals, params, request, url }) =>
		formStep(request, 'cancelReassessment', async (values) => {
			const target = { actor: locals.signedIn!.actor, ...params };
			const reassessmentId = values.reassessmentId ?? '';
			await cancelReassessment(locals.ctx, { ...target, reassessmentId });
			return `${url.pathname}?saved=reassessment-cancelled#reassessment`;
		})
};
