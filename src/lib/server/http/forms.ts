import { fail, type ActionFailure } from '@sveltejs/kit';
import type { z } from 'zod';
import { DomainError, isDomainError } from '../../domain/errors.ts';
import { fieldErrors } from '../../domain/schemas/auth.ts';

export interface FormState {
	values: Record<string, string>;
	fields: Record<string, string>;
	message: string | null;
}

/** Fields never echoed back into a page. */
const SECRET_FIELDS = new Set(['password', 'confirm', 'current']);

export function formValues(data: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of data.entries()) {
		if (typeof value === 'string') values[key] = value;
	}
	return values;
}

function echoable(values: Record<string, string>): Record<string, string> {
	return Object.fromEntries(Object.entries(values).filter(([k]) => !SECRET_FIELDS.has(k)));
}

export function invalid(
	values: Record<string, string>,
	fields: Record<string, string>,
	message = 'Please check the highlighted fields.',
	status = 400
): ActionFailure<FormState> {
	return fail(status, { values: echoable(values), fields, message });
}

/** Parses a form with a zod schema; on failure returns the filled form with one message per field. */
export function parseForm<S extends z.ZodType>(
	schema: S,
	values: Record<string, string>
): { ok: true; data: z.infer<S> } | { ok: false; failure: ActionFailure<FormState> } {
	const result = schema.safeParse(values);
	if (result.success) return { ok: true, data: result.data };
	return { ok: false, failure: invalid(values, fieldErrors(result.error)) };
}

/** Expected errors from a use-case become a filled form with a message; anything else is rethrown. */
export function failFromError(
	err: unknown,
	values: Record<string, string>
): ActionFailure<FormState> {
	if (!isDomainError(err)) throw err;
	const e: DomainError = err;
	return invalid(values, e.fields, e.message, e.status);
}

export function baseUrl(url: URL, configured?: string): string {
	return (configured ?? url.origin).replace(/\/$/, '');
}
