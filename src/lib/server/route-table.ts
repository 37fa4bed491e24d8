import type { Action, Resource } from '../domain/policies.ts';

/**
 * Every route is declared here, and a test fails when a route exists without a declaration.
 * - public: anyone; signed-out: public, but a signed-in person is sent home;
 * - signed-in: any account; policy: the action must be allowed on the resource built from params;
 * - record: signed in, and the use-case applies the action to the record it loads;
 * - dev-only: exists only outside production (404 there).
 */
export type Access =
	| { kind: 'public' }
	| { kind: 'signed-out' }
	| { kind: 'signed-in' }
	| { kind: 'dev-only' }
	| { kind: 'policy'; action: Action; resource: (params: Record<string, string>) => Resource }
	/** Signed in; the use-case loads the record and applies `action` to it (404 when refused). */
	| { kind: 'record'; action: Action };

const practice = (params: Record<string, string>): Resource => ({
	practiceId: params.practiceId ?? null
});

export const routeTable: Record<string, Access> = {
	'/': { kind: 'public' },
	'/healthz': { kind: 'public' },
	'/signup': { kind: 'signed-out' },
	'/signup/check-email': { kind: 'public' },
	'/login': { kind: 'signed-out' },
	// The second step of sign-in: only a live pending sign-in (its own cookie) gets past its load.
	'/login/second-factor': { kind: 'signed-out' },
	'/logout': { kind: 'public' },
	'/forgot-password': { kind: 'public' },
	'/reset-password/[token]': { kind: 'public' },
	'/confirm-email/[token]': { kind: 'public' },
	// The other person on an action answers without an account; the link itself is the key.
	'/confirm/[token]': { kind: 'public' },
	// An invitation into a practice: the link is the key; joining with an account needs a session.
	'/invite/[token]': { kind: 'public' },
	'/home': { kind: 'signed-in' },
	'/account': { kind: 'signed-in' },
	'/account/two-factor': { kind: 'signed-in' },
	// Accounts: re-authentication, email change (0031-passkeys-sessions-and-staff).
	'/account/confirm': { kind: 'signed-in' },
	'/account/email': { kind: 'signed-in' },
	'/account/passkeys': { kind: 'signed-in' },
	'/account/passkeys/options': { kind: 'signed-in' },
	'/account/confirm/options': { kind: 'signed-in' },
	'/login/passkey': { kind: 'signed-out' },
	// A challenge any passkey may answer: it opens nothing by itself.
	'/login/passkey/options': { kind: 'public' },
	// The link sent to the new address is the key: it works signed in or not.
	'/account/email/confirm/[token]': { kind: 'public' },
	// Accounts, second round (0031): the undo link sent to the old address is the key too.
	'/account/email/undo/[token]': { kind: 'public' },
	'/practices/[practiceId]': { kind: 'policy', action: 'practice.view', resource: practice },
	'/practices/[practiceId]/settings': {
		kind: 'policy',
		action: 'practice.update',
		resource: practice
	},
	// Coaches and admins; the use-cases then allow client invitations to coaches, coach ones to admins.
	'/practices/[practiceId]/invitations': {
		kind: 'policy',
		action: 'practice.view',
		resource: practice
	},
	// Coaches and admins (norms, structure check); item statistics stay the admin's (issue 15).
	'/practices/[practiceId]/instrument': {
		kind: 'policy',
		action: 'practice.instrument.validity',
		resource: practice
	},
	'/practices/[practiceId]/instrument/responses.csv': {
		kind: 'policy',
		action: 'practice.instrument.read',
		resource: practice
	},
	// Coaches and admins of the practice; the use-case then allows only the client's own coach or the admin.
	'/practices/[practiceId]/clients/[clientId]': {
		kind: 'policy',
		action: 'practice.view',
		resource: practice
	},
	// Accounts: an admin removes staff and gives clients a coach (0031).
	'/practices/[practiceId]/staff': {
		kind: 'policy',
		action: 'practice.staff.manage',
		resource: practice
	},
	// Programs (decision 0038): coaches and admins of the practice; the use-cases then check the
	// program's author or sharing, and that the client is the coach's own.
	'/practices/[practiceId]/programs': {
		kind: 'policy',
		action: 'program.create',
		resource: practice
	},
	'/practices/[practiceId]/programs/[programId]': {
		kind: 'policy',
		action: 'program.create',
		resource: practice
	},
	'/practices/[practiceId]/programs/[programId]/preview': {
		kind: 'policy',
		action: 'program.create',
		resource: practice
	},
	'/practices/[practiceId]/programs/[programId]/export.json': {
		kind: 'policy',
		action: 'program.create',
		resource: practice
	},
	'/practices/[practiceId]/clients/[clientId]/program': {
		kind: 'policy',
		action: 'practice.view',
		resource: practice
	},
	// The client's own program: the use-case reads only the signed-in person's enrolment.
	'/program': { kind: 'signed-in' },
	// Accounts, second round (0031): the practice's staff events, for its admins.
	'/practices/[practiceId]/security-log': {
		kind: 'policy',
		action: 'practice.security-log.read',
		resource: practice
	},
	'/assessment': { kind: 'signed-in' },
	'/assessment/history': { kind: 'record', action: 'assessment.read' },
	'/assessment/[id]': { kind: 'record', action: 'assessment.read' },
	'/assessment/[id]/page/[page]': { kind: 'record', action: 'assessment.take' },
	'/assessment/[id]/report.pdf': { kind: 'record', action: 'assessment.read' },
	'/journal': { kind: 'signed-in' },
	'/journal/new': { kind: 'signed-in' },
	'/journal/[id]': { kind: 'record', action: 'journal.read' },
	'/actions': { kind: 'signed-in' },
	'/actions/new': { kind: 'signed-in' },
	'/actions/[id]': { kind: 'record', action: 'action.read' },
	'/actions/[id]/calendar.ics': { kind: 'record', action: 'action.read' },
	// Calendar apps fetch the feed without signing in; the private, revocable link is the key.
	'/calendar/[token].ics': { kind: 'public' },
	// How others see you (J7): the client's own rounds; the use-cases check feedback.* on each.
	'/feedback': { kind: 'signed-in' },
	'/feedback/new': { kind: 'signed-in' },
	'/feedback/[id]': { kind: 'record', action: 'feedback.read' },
	// Rater results as files: the same readers as the round page (feedback.read or, shared, read-shared).
	'/feedback/[id]/report.pdf': { kind: 'record', action: 'feedback.read' },
	'/feedback/[id]/results.csv': { kind: 'record', action: 'feedback.read' },
	'/feedback/[id]/results.json': { kind: 'record', action: 'feedback.read' },
	// A rater answers without an account; their single-use link is the key.
	'/rate/[token]': { kind: 'public' },
	// Your data (issue 13): export and deletion are the signed-in person's own; the download's
	// use-case checks the export is theirs; the grace-period page is read signed out.
	'/account/data': { kind: 'signed-in' },
	'/account/data/delete': { kind: 'signed-in' },
	'/account/data/download/[id]': { kind: 'record', action: 'account.export' },
	'/account/data/scheduled': { kind: 'public' },
	'/practices/[practiceId]/export': {
		kind: 'policy',
		action: 'practice.export',
		resource: practice
	},
	// Teams (issue 12): the practice's teams for its coaches; a member's teams; each team's map
	// (team.view), the coach's management page (team.manage) and a member's check-in
	// (team.check-in), each applied by the use-case to the team it loads.
	'/practices/[practiceId]/teams': { kind: 'policy', action: 'practice.view', resource: practice },
	'/teams': { kind: 'signed-in' },
	'/teams/[teamId]': { kind: 'record', action: 'team.view' },
	'/teams/[teamId]/manage': { kind: 'record', action: 'team.manage' },
	'/teams/[teamId]/check-in': { kind: 'record', action: 'team.check-in' },
	// Joining a team from the emailed link: the link is the key; joining with an account needs a session.
	'/teams/join/[token]': { kind: 'public' },
	'/dev/mailbox': { kind: 'dev-only' },
	'/dev/mailbox/[id]': { kind: 'dev-only' }
};
