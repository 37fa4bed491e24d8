import type { z } from 'zod';

/**
 * zod's issues as one message per field, the first for each: what a form shows beside each
 * field and what the command line prints. An issue about the whole object goes under `form`.
 */
export function fieldErrors(error: z.ZodError): Record<string, string> {
	const fields: Record<string, string> = {};
	for (const issue of error.issues) {
		const key = issue.path.join('.') || 'form';
		fields[key] ??= issue.message;
	}
	return fields;
}
