import { error } from '@sveltejs/kit';
import { findPrompt } from '$lib/content/program/reflection';
import { saveJournalFromForm } from '$lib/server/http/journal-form';
import type { Actions, PageServerLoad } from './$types';

// No client: the forms post natively, and a standalone script adds what needs one (decision 0040).
export const csr = false;

export const load: PageServerLoad = ({ url }) => {
	const found = findPrompt(
		url.searchParams.get('step') ?? '',
		url.searchParams.get('prompt') ?? ''
	);
	if (!found) error(404, 'That reflection prompt does not exist. Choose one from your journal.');
	return {
		step: { id: found.step.id, number: found.step.number, title: found.step.title },
		prompt: found.prompt
	};
};

export const actions: Actions = { save: saveJournalFromForm };
