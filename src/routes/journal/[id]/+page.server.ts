import { error, fail, redirect } from '@sveltejs/kit';
import { findPrompt } from '$lib/content/program/reflection';
import { isDomainError } from '$lib/domain/errors';
import { saveJournalFromForm } from '$lib/server/http/journal-form';
import { deleteJournalEntry } from '$lib/server/journal/delete-journal-entry';
import { getJournalEntry } from '$lib/server/journal/get-journal-entry';
import { setJournalEntrySharing } from '$lib/server/journal/set-journal-entry-sharing';
import { getEntryThread } from '$lib/server/replies/get-entry-thread';
import { postReply } from '$lib/server/replies/post-reply';
import { baseUrl, formValues } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	try {
		const entry = await getJournalEntry(locals.ctx, {
			actor: locals.signedIn!.actor,
			id: params.id
		});
		const found = findPrompt(entry.step, entry.promptId)!;
		// The conversation with the coach on this entry (kept here even once it is private again).
		const thread = await getEntryThread(locals.ctx, {
			actor: locals.signedIn!.actor,
			entryId: entry.id
		});
		return {
			entry,
			step: found.step,
			prompt: found.prompt,
			thread,
			saved: url.searchParams.has('saved'),
			replied: url.searchParams.has('replied')
		};
	} catch (err) {
		if (isDomainError(err)) error(404, err.message);
		throw err;
	}
};

const sharing = (shared: boolean) =>
	(async ({ locals, params }) => {
		try {
			await setJournalEntrySharing(locals.ctx, {
				actor: locals.signedIn!.actor,
				id: params.id,
				shared
			});
		} catch (err) {
			if (isDomainError(err)) error(404, err.message);
			throw err;
		}
		return { sharing: shared ? 'shared' : 'private' };
	}) satisfies Actions[string];

export const actions: Actions = {
	save: saveJournalFromForm,
	share: sharing(true),
	unshare: sharing(false),
	reply: async ({ locals, params, request, url }) => {
		const values = formValues(await request.formData());
		try {
			await postReply(locals.ctx, {
				actor: locals.signedIn!.actor,
				subjectType: 'entry',
				subjectId: params.id,
				body: values.body ?? '',
				baseUrl: baseUrl(url, locals.ctx.config.publicUrl)
			});
		} catch (err) {
			if (isDomainError(err) && err.code !== 'not_found')
				return fail(err.status, { reply: { values, fields: err.fields, message: err.message } });
			if (isDomainError(err)) error(404, err.message);
			throw err;
		}
		redirect(303, `/journal/${params.id}?replied=1#replies`);
	},
	delete: async ({ locals, params }) => {
		try {
			await deleteJournalEntry(locals.ctx, { actor: locals.signedIn!.actor, id: params.id });
		} catch (err) {
			if (isDomainError(err)) error(404, err.message);
			throw err;
		}
		redirect(303, '/journal?deleted=1');
	}
};
