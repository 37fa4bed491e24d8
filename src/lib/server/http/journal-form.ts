import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { isDomainError } from '../../domain/errors.ts';
import { saveJournalEntry } from '../journal/save-journal-entry.ts';

/**
 * The save action shared by /journal/new and /journal/[id]. Autosave (a fetch with
 * x-sveltekit-action) gets the id and revision back; a plain form post of a new entry is sent
 * on to the entry's own page. On any refusal the typed text comes back untouched.
 */
export async function saveJournalFromForm(event: RequestEvent) {
	const data = await event.request.formData();
	const text = (name: string) => {
		const value = data.get(name);
		return typeof value === 'string' ? value : '';
	};
	const values = { body: text('body'), id: text('id'), revision: text('revision') };
	const revision = Number(values.revision);
	try {
		const saved = await saveJournalEntry(event.locals.ctx, {
			actor: event.locals.signedIn!.actor,
			id: values.id || undefined,
			revision: Number.isInteger(revision) && revision > 0 ? revision : undefined,
			step: text('step'),
			promptId: text('promptId'),
			body: values.body,
			domains: data.getAll('domains').filter((v): v is string => typeof v === 'string'),
			disciplines: data.getAll('disciplines').filter((v): v is string => typeof v === 'string')
		});
		const viaScript = event.request.headers.get('x-sveltekit-action') === 'true';
		if (!values.id && !viaScript) redirect(303, `/journal/${saved.id}?saved=1`);
		return { ...saved, saved: true };
	} catch (err) {
		if (!isDomainError(err)) throw err;
		return fail(err.status, { values, fields: err.fields, message: err.message });
	}
}
