import { redirect } from '@sveltejs/kit';
import { saveJournalFromForm } from '$lib/server/http/journal-form';
import { formAction } from '$lib/server/http/form-action';
import { baseUrl } from '$lib/server/http/forms';
import { withErrorPage } from '$lib/server/http/load';
import { deleteJournalEntry } from '$lib/server/journal/delete-journal-entry';
import { getJournalPage } from '$lib/server/journal/get-journal-page';
import { setJournalEntrySharing } from '$lib/server/journal/set-journal-entry-sharing';
import { postReply } from '$lib/server/replies/post-reply';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

// No client: the forms post natively, and a standalone script adds what needs one (decision 0040).
export const csr = false;

export const load: PageServerLoad = (event) =>
	withErrorPage(event, async ({ locals, params, url }) => ({
		...(await getJournalPage(locals.ctx, { actor: locals.signedIn!.actor, id: params.id })),
		saved: url.searchParams.has('saved'),
		replied: url.searchParams.has('replied')
	}));

const sharing = (shared: boolean) =>
	formAction(
		async ({ locals, params }: RequestEvent) => {
			const actor = locals.signedIn!.actor;
			await setJournalEntrySharing(locals.ctx, { actor, id: params.id, shared });
			return { sharing: shared ? ('shared' as const) : ('private' as const) };
		},
		{ form: 'sharing' }
	);

// Several forms on one page: each answer is tagged, so a message shows in its own form only.
export const actions: Actions = {
	save: saveJournalFromForm,
	share: sharing(true),
	unshare: sharing(false),
	reply: formAction(
		async ({ locals, params, url }, { values }) => {
			await postReply(locals.ctx, {
				actor: locals.signedIn!.actor,
				subjectType: 'entry',
				subjectId: params.id,
				body: values.body ?? '',
				baseUrl: baseUrl(url, locals.ctx.config.publicUrl)
			});
			redirect(303, `/journal/${params.id}?replied=1#replies`);
		},
		{ form: 'reply' }
	),
	delete: formAction(async ({ locals, params }) => {
		await deleteJournalEntry(locals.ctx, { actor: locals.signedIn!.actor, id: params.id });
		redirect(303, '/journal?deleted=1');
	})
};
