import { redirect, type RequestEvent } from '@sveltejs/kit';
import { saveJournalEntry } from '../journal/save-journal-entry.ts';
import { formAction } from './form-action.ts';

const texts = (data: FormData, name: string) =>
	data.getAll(name).filter((v): v is string => typeof v === 'string');

/**
 * The save action shared by /journal/new and /journal/[id]. Autosave (a fetch with
 * x-sveltekit-action) gets the id and revision back; a plain form post of a new entry is sent
 * on to the entry's own page. On any refusal the typed text comes back untouched.
 */
export const saveJournalFromForm = formAction(
	async (event: RequestEvent, { values, data }) => {
		// Ticked boxes share a name: keep them all in the echoed values, so a refused form comes
		// back with the same ones ticked.
		values.domains = texts(data, 'domains').join(',');
		values.disciplines = texts(data, 'disciplines').join(',');
		const revision = Number(values.revision);
		const saved = await saveJournalEntry(event.locals.ctx, {
			actor: event.locals.signedIn!.actor,
			id: values.id || undefined,
			revision: Number.isInteger(revision) && revision > 0 ? revision : undefined,
			step: values.step ?? '',
			promptId: values.promptId ?? '',
			body: values.body ?? '',
			domains: texts(data, 'domains'),
			disciplines: texts(data, 'disciplines')
		});
		const viaScript = event.request.headers.get('x-sveltekit-action') === 'true';
		if (!values.id && !viaScript) redirect(303, `/journal/${saved.id}?saved=1`);
		return { ...saved, saved: true };
	},
	{ form: 'save' }
);
