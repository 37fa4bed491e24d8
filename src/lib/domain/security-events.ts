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
	'passkey-removed': 'Passkey removed',
	// Accounts, second round (0031): undo, lockouts, exports, deletion, staff changes.
	'email-change-undone': 'Email change undone from the link sent to the old address',
	'locked-out': 'Sign-in locked for a while after too many wrong passwords',
	'data-export-asked': 'Copy of your data asked for',
	'practice-export-asked': 'Export of a practice asked for',
	'deletion-asked': 'Account deletion asked for',
	'deletion-cancelled': 'Account deletion cancelled',
	'staff-removed': 'Removed from the staff of a practice',
	'coach-reassigned': 'Given a new coach by a practice admin',
	'client-deactivated': 'Taken out of a practice by its admin',
	'joined-as-coach': 'Joined a practice as a coach',
	'joined-as-client': 'Joined a practice as a client',
	'coach-invited': 'Invited a coach to a practice',
	'invitation-withdrawn': 'Withdrew an invitation to a practice',
	'staff-two-factor-required': "Required two-step sign-in of a practice's staff",
	'staff-two-factor-optional': "Stopped requiring two-step sign-in of a practice's staff"
} as const;

export type SecurityEventKind = keyof typeof securityEventWords;

export function isSecurityEventKind(kind: string): kind is SecurityEventKind {
	return Object.hasOwn(securityEventWords, kind);
}

/** The kinds a practice's log shows beside a lockout of one of its staff (practice page, 0031). */
export const practiceEventWords: Partial<Record<SecurityEventKind, string>> = {
	'locked-out': 'Sign-in locked after too many wrong passwords',
	'practice-export-asked': 'Asked for an export of the practice',
	'staff-removed': 'Removed from the staff',
	'coach-reassigned': 'Given a new coach',
	'client-deactivated': 'Taken out of the practice',
	'joined-as-coach': 'Joined as a coach',
	'joined-as-client': 'Joined as a client',
	'coach-invited': 'Invited a coach',
	'invitation-withdrawn': 'Withdrew an invitation',
	'staff-two-factor-required': 'Required two-step sign-in of all staff',
	'staff-two-factor-optional': 'Stopped requiring two-step sign-in of staff'
};

/** How many events the account page shows, newest first. */
export const SECURITY_LOG_SHOWN = 30;
