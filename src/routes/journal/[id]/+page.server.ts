import { error, redirect } from '@sveltejs/kit';
import { findPrompt } from '$lib/content/program/reflection';
import { isDomainError } from '$lib/domain/errors';
import { saveJournalFromForm } from '$lib/server/http/journal-form';
import { deleteJournalEntry } from '$lib/server/journal/delete-journal-entry';
import { getJournalEntry } from '$lib/server/journal/get-journal-entry';
import { setJournalEntrySharing } from '$lib/server/journal/set-journal-entry-sharing';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	try {
		const entry = await getJournalEntry(locals.ctx, {
			actor: locals.signedIn!.actor,
			id: params.id
		});
		const found = findPrompt(entry.step, entry.promptId)!;
		return { entry, step: found.step, prompt: found.prompt, saved: url.searchParams.has('saved') };
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
