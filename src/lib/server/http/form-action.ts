import { fail, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { DomainError } from '../../domain/errors.ts';
import { fieldErrors } from '../../domain/schemas/field-errors.ts';
import { expectedError, retryAfterHeaders } from './errors.ts';

/** What a refused form gets back: what was typed (minus secrets), a message per field, a summary. */
export interface FormState {
	values: Record<string, string>;
	fields: Record<string, string>;
	message: string | null;
}

/** What the action was sent: every text field once, and the raw data for multi-valued fields. */
export interface PostedForm {
	values: Record<string, string>;
	data: FormData;
}

/** Fields never echoed back into a page. */
const SECRET_FIELDS = new Set(['password', 'confirm', 'current']);

/**
 * The form as sent, less NUL characters: no keyboard types them, PostgreSQL cannot store them in
 * text, and a hostile client could use them to turn a refusal into a server error.
 */
async function readForm(request: Request): Promise<FormData | 'too-large' | null> {
	let sent: FormData;
	try {
		sent = await request.formData();
	} catch (err) {
		// Over BODY_SIZE_LIMIT (adapter-node's 512 KB unless set): said as such, not as "unreadable".
		if ((err as { status?: unknown }).status === 413) return 'too-large';
		return null; // not a form at all (a broken multipart body, a JSON post)
	}
	const clean = new FormData();
	for (const [key, value] of sent.entries())
		clean.append(
			key.replaceAll('\u0000', ''),
			typeof value === 'string' ? value.replaceAll('\u0000', '') : value
		);
	return clean;
}

export function formValues(data: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of data.entries()) {
		if (typeof value === 'string') values[key] = value;
	}
	return values;
}

export function echoable(values: Record<string, string>): Record<string, string> {
	return Object.fromEntries(Object.entries(values).filter(([k]) => !SECRET_FIELDS.has(k)));
}

/**
 * Parses the sent values with a zod schema, or refuses with one message per field (the same
 * refusal a use-case would throw, so the form answer is built in one place).
 */
export function parseValues<S extends z.ZodType>(
	schema: S,
	values: Record<string, string>
): z.infer<S> {
	const result = schema.safeParse(values);
	if (result.success) return result.data;
	throw new DomainError('invalid_input', 'Please check the highlighted fields.', {
		fields: fieldErrors(result.error)
	});
}

/** A use-case's refusal as the filled form, with the error's own status; anything else rethrown. */
function refusedForm(
	event: Pick<RequestEvent, 'setHeaders'>,
	err: unknown,
	values: Record<string, string>
): ActionFailure<FormState> {
	const expected = expectedError(err);
	event.setHeaders(retryAfterHeaders(expected));
	return fail(expected.status, {
		values: echoable(values),
		fields: expected.fields,
		message: expected.message
	});
}

/**
 * The one way a form action runs: read the form, run the step, and answer a refusal with the
 * form as it was filled in. The step redirects (`redirect(303, …)`) or returns the page's answer;
 * errors that are not refusals (bugs, SvelteKit's redirects) pass through untouched.
 *
 * `form` names the form when a page has several: its answer carries `values.form`, so the page
 * shows the message beside the right form and keeps what was typed there.
 *
 * @example
 * export const actions: Actions = {
 * 	rename: formAction(async ({ locals, params }, { values }) => {
 * 		const { name } = parseValues(practiceNameSchema, values);
 * 		await renamePractice(locals.ctx, { actor: locals.signedIn!.actor, id: params.id, name });
 * 		return { saved: true };
 * 	}, { form: 'rename' })
 * };
 */
export function formAction<E extends RequestEvent, R>(
	step: (event: E, sent: PostedForm) => Promise<R>,
	options: { form?: string } = {}
): (event: E) => Promise<R | ActionFailure<FormState>> {
	return async (event) => {
		const data = await readForm(event.request);
		// Tagged with the form's name like any refusal, so a page of several forms shows it.
		const named: Record<string, string> = options.form ? { form: options.form } : {};
		if (data === 'too-large')
			return fail(413, {
				values: named,
				fields: {},
				message:
					'That was more than Midpoint takes in one form. If you chose a file, choose a smaller one (a program file is well under 500 KB).'
			});
		if (!data)
			return fail(400, {
				values: named,
				fields: {},
				message: 'That form arrived unreadable. Please fill it in again.'
			});
		const values = formValues(data);
		if (options.form) values.form = options.form;
		try {
			return await step(event, { values, data });
		} catch (err) {
			return refusedForm(event, err, values);
		}
	};
}
