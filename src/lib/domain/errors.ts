/**
 * Expected failures: one class with a code, mapped to HTTP at the edge.
 * `fields` carries a message per form field for the form to show beside each one.
 */
export const errorCodes = {
	invalid_input: 400,
	unauthenticated: 401,
	forbidden: 403,
	not_found: 404,
	conflict: 409,
	gone: 410,
	rate_limited: 429
} as const;

export type ErrorCode = keyof typeof errorCodes;

export class DomainError extends Error {
	readonly code: ErrorCode;
	readonly fields: Record<string, string>;
	readonly retryAfterSeconds: number | undefined;

	constructor(
		code: ErrorCode,
		message: string,
		extra: { fields?: Record<string, string>; retryAfterSeconds?: number } = {}
	) {
		super(message);
		this.name = 'DomainError';
		this.code = code;
		this.fields = extra.fields ?? {};
		this.retryAfterSeconds = extra.retryAfterSeconds;
	}

	get status(): number {
		return errorCodes[this.code];
	}
}

export function isDomainError(value: unknown): value is DomainError {
	return value instanceof DomainError;
}
