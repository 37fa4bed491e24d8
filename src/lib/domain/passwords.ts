import { DomainError } from './errors.ts';
import { COMMON_PASSWORDS } from './common-passwords.ts';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

const common = new Set(COMMON_PASSWORDS);

/**
 * Says what is wrong with a new password, or null when it is acceptable.
 * Length is counted in characters as a person sees them (code points), never truncated.
 */
export function passwordProblem(
	password: string,
	context: { email?: string; name?: string } = {}
): string | null {
	const length = [...password].length;
	if (length < PASSWORD_MIN)
		return `Use at least ${PASSWORD_MIN} characters (this one has ${length}).`;
	if (length > PASSWORD_MAX)
		return `Use at most ${PASSWORD_MAX} characters (this one has ${length}).`;
	const folded = password.toLowerCase();
	if (common.has(folded) || isTrivialPattern(folded)) {
		return 'This password is one of the most common ones, so it is easy to guess. Choose another.';
	}
	const local = context.email?.split('@')[0]?.toLowerCase();
	if (local && local.length >= 4 && folded.includes(local)) {
		return `Your password should not contain the name in your email address (“${local}”). Choose another.`;
	}
	return null;
}

/** One repeated character, or a straight run such as 123456789012 or abcdefghijkl. */
function isTrivialPattern(folded: string): boolean {
	const chars = [...folded];
	if (new Set(chars).size <= 2) return true;
	let ascending = true;
	let descending = true;
	for (let i = 1; i < chars.length; i++) {
		const step = chars[i]!.codePointAt(0)! - chars[i - 1]!.codePointAt(0)!;
		if (step !== 1 && !(step === -9 && chars[i] === '0')) ascending = false;
		if (step !== -1) descending = false;
	}
	return ascending || descending;
}

/**
 * A password box sent empty is asked for, not called wrong ("That is not your password" when
 * nothing was typed reads as an accusation), and costs no attempt against the limit.
 */
export function requirePasswordTyped(password: string, field = 'password'): void {
	if (!password)
		throw new DomainError('invalid_input', 'Enter your password.', {
			fields: { [field]: 'Enter your password.' }
		});
}
