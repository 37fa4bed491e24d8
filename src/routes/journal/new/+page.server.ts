import { saveJournalFromForm } from '$lib/server/http/journal-form';
import { withErrorPage } from '$lib/server/http/load';
import { promptToWrite, promptNoLongerOffered } from '$lib/server/journal/prompts-now';
import { hasCoach } from '$lib/server/practices/sharing-with-coach';
import type { Actions, PageServerLoad } from './$types';

// No client: the forms post natively, and a standalone script adds what needs one (decision 0040).
export const csr = false;

// The prompt must be one offered to this person now: their program's open step's, or a built-in
// one. After a refused save (the step closed meanwhile) the form still comes back with the text.
export const load: PageServerLoad = (event) =>
	withErrorPage(event, async ({ locals, url, request }) => {
		const step = url.searchParams.get('step') ?? '';
		const promptId = url.searchParams.get('prompt') ?? '';
		const actor = locals.signedIn!.actor;
		const prompt = await promptToWrite(locals.ctx, { actor, step, promptId }).catch((err) => {
			if (request.method === 'POST') return promptNoLongerOffered;
			throw err;
		});
		// "Share with my coach" is offered only to someone with a coach to share with.
		return { step, promptId, prompt, canShare: await hasCoach(locals.ctx, actor.userId) };
	});

export const actions: Actions = { save: saveJournalFromForm };
