/** A form sent back by the server with a refusal: what was typed, a message per field, a summary. */
export interface SentForm {
	values: Record<string, string>;
	fields: Record<string, string>;
	message: string | null;
}

/**
 * The refused form, when it was this one: `which` names the form (its hidden `form` field), and
 * `match` the values that pick one form among several alike (say, which thread a reply was for).
 */
export function sentFor(
	form: SentForm | null | undefined,
	which: string,
	match: Record<string, string> = {}
): SentForm | null {
	if (!form?.values || form.values.form !== which) return null;
	for (const [key, value] of Object.entries(match)) if (form.values[key] !== value) return null;
	return form;
}
