/** How many attempts each bucket allows in its window (decisions 0005 and 0025). */
export const rateLimits = {
	// A person's lock is per account and address: a stranger's guesses lock out the stranger.
	'login:account-address': { max: 5, windowMs: 15 * 60 * 1000 },
	'login:address': { max: 30, windowMs: 15 * 60 * 1000 },
	// Failed guesses at one account from any address: the ceiling on spread-out guessing (0025).
	'login:account': { max: 20, windowMs: 60 * 60 * 1000 },
	'password:user': { max: 5, windowMs: 15 * 60 * 1000 },
	// The second step of sign-in and every check of a code on the account page, with the same
	// shape as the password step: per account and address, per address, a ceiling per account (0030).
	'second-factor:account-address': { max: 5, windowMs: 15 * 60 * 1000 },
	'second-factor:address': { max: 30, windowMs: 15 * 60 * 1000 },
	'second-factor:account': { max: 20, windowMs: 60 * 60 * 1000 },
	'reset:account': { max: 3, windowMs: 60 * 60 * 1000 },
	'reset:address': { max: 10, windowMs: 60 * 60 * 1000 },
	'signup:address': { max: 10, windowMs: 60 * 60 * 1000 },
	// Invitations and resends: per sender, and per address within one practice (0014).
	'invite:sender': { max: 30, windowMs: 60 * 60 * 1000 },
	'invite:email': { max: 5, windowMs: 24 * 60 * 60 * 1000 },
	// Accounts: each email change sends two emails, one to an address of the asker's choosing (0031).
	'email-change:user': { max: 5, windowMs: 60 * 60 * 1000 }
} as const;

export type RateLimitName = keyof typeof rateLimits;

/**
 * Given the times of earlier attempts in the window (oldest first), says whether one more is
 * allowed and, if not, when the oldest one leaves the window.
 */
export function rateLimitDecision(
	name: RateLimitName,
	attemptTimes: readonly Date[],
	now: Date
): { allowed: true } | { allowed: false; retryAt: Date } {
	const { max, windowMs } = rateLimits[name];
	const inWindow = attemptTimes.filter((t) => now.getTime() - t.getTime() < windowMs);
	if (inWindow.length < max) return { allowed: true };
	const oldest = inWindow[inWindow.length - max]!;
	return { allowed: false, retryAt: new Date(oldest.getTime() + windowMs) };
}
