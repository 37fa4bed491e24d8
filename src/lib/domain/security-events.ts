/**
 * What the security log records, and how each event reads on the account page (decision 0031).
 * An event holds a kind, a time and a device in words: never a password, code, token or address.
 */
export const securityEventWords = {
	'sign-in': 'Signed in',
	'sign-in-failed': 'A wrong password was typed for your account',
	'second-step-failed': 'A wrong two-step code was typed for your account',
	'new-device': 'Signed in from a device for the first time',
	'password-changed': 'Password changed',
	'two-factor-on': 'Two-step sign-in turned on',
	'two-factor-off': 'Two-step sign-in turned off',
	'email-change-asked': 'Change of email address asked for',
	'email-changed': 'Email address changed',
	'session-ended': 'A device was signed out from the sessions list',
	'sessions-ended': 'Every other device was signed out',
	'passkey-added': 'Passkey added',
	'passkey-removed': 'Passkey removed'
} as const;

export type SecurityEventKind = keyof typeof securityEventWords;

export function isSecurityEventKind(kind: string): kind is SecurityEventKind {
	return Object.hasOwn(securityEventWords, kind);
}

/** How many events the account page shows, newest first. */
export const SECURITY_LOG_SHOWN = 30;
