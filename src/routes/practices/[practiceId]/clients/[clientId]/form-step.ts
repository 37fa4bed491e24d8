import { redirect } from '@sveltejs/kit';
import { failFromError, formValues } from '$lib/server/http/forms';

/**
 * Runs one of the page's forms: the use-case's refusals come back as that form, filled in as it
 * was sent and tagged with its name (several forms share the page); success goes back to the page.
 */
export async function formStep(
	request: Request,
	which: string,
	step: (values: Record<string, string>) => Promise<string>
) {
	const values = { ...formValues(await request.formData()), form: which };
	let target: string;
	try {
		target = await step(values);
	} catch (err) {
		return failFromError(err, values);
	}
	redirect(303, target);
}
