import { saveJournalFromForm } from '$lib/server/http/journal-form';
import { withErrorPage } from '$lib/server/http/load';
import { promptToWrite } from '$lib/server/journal/prompts-now';
import type { Actions, PageServerLoad } from './$types';

// No client: the forms post natively, and a standalone script adds what needs one (decision 0040).
export const csr = false;

// The prompt must be one offered to this person now: their program's open step's, or a built-in one.
export const load: PageServerLoad = (event) =>
	withErrorPage(event, async ({ locals, url }) => {
		const step = url.searchParams.get('step') ?? '';
		const promptId = url.searchParams.get('prompt') ?? '';
		const prompt = await promptToWrite(locals.ctx, {
			actor: locals.signedIn!.actor,
			step,
			promptId
		});
		return { step, promptId, prompt };
	});

export const actions: Actions = { save: saveJournalFromForm };
