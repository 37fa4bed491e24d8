import type { Generated, Insertable, Selectable } from 'kysely';

/** Timestamps are ISO-8601 UTC strings in code on both engines (see convert.ts). */
type Timestamp = string;

export type MembershipRole = 'admin' | 'coach' | 'client';

export interface UsersTable {
	id: string;
	email: string;
	name: string;
	password_hash: string;
	/** 'coach' opened a practice; 'client' takes the coaching loop (with a coach or self-guided). */
	kind: 'coach' | 'client';
	created_at: Timestamp;
	password_changed_at: Timestamp;
	email_verified_at: Timestamp | null;
}

export interface PracticesTable {
	id: string;
	name: string;
	created_at: Timestamp;
	/** Set when an admin requires a second factor of every coach and admin (0030). */
	second_factor_required_at: Generated<Timestamp | null>;
}

/** One authenticator app per person; the secret encrypted with their data key (0030). */
export interface TotpFactorsTable {
	user_id: string;
	secret_encrypted: string;
	created_at: Timestamp;
	/** Null while enrolment waits for the first code. */
	enabled_at: Timestamp | null;
	/** The time step (unix seconds / 30) of the last code accepted; fits an integer until year 4000. */
	last_step: number | null;
}

export interface RecoveryCodesTable {
	user_id: string;
	/** SHA-256 of the normalised code. */
	code_hash: string;
	created_at: Timestamp;
	used_at: Timestamp | null;
}

/** A right password waiting for a right second factor; opens nothing by itself. */
export interface PendingSignInsTable {
	token_hash: string;
	user_id: string;
	created_at: Timestamp;
	expires_at: Timestamp;
}

export interface MembershipsTable {
	id: string;
	practice_id: string;
	user_id: string;
	role: MembershipRole;
	/** For a client: the coach who works with them. */
	coach_id: string | null;
	created_at: Timestamp;
}

export interface SessionsTable {
	/** SHA-256 of the cookie token: a stolen database cannot be replayed as cookies. */
	token_hash: string;
	user_id: string;
	created_at: Timestamp;
	last_seen_at: Timestamp;
	expires_at: Timestamp;
	/** What the browser called itself at sign-in, cut to 300 characters (0031). */
	user_agent: Generated<string | null>;
	/** When this session last proved the person with a password or passkey (0031). */
	reauthenticated_at: Generated<Timestamp | null>;
	/** Where it signed in from, as the proxy's PLACE_HEADER said (e.g. "NL"); else null. */
	place: Generated<string | null>;
}

/** An email change waiting for its link, sent to the new address, to be used (0031). */
export interface EmailChangesTable {
	token_hash: string;
	user_id: string;
	new_email: string;
	created_at: Timestamp;
	expires_at: Timestamp;
	used_at: Timestamp | null;
}

/** The link to the old address that undoes an email change for 7 days (0031). */
export interface EmailChangeUndosTable {
	token_hash: string;
	user_id: string;
	old_email: string;
	created_at: Timestamp;
	expires_at: Timestamp;
	used_at: Timestamp | null;
}

/** The security log: append-only, no secrets (0031). */
export interface SecurityEventsTable {
	id: string;
	user_id: string;
	kind: string;
	at: Timestamp;
	/** The device in words ("Firefox on Windows"), when known. */
	device: string | null;
	/** Staff events and exports of a practice: which practice, and the admin who acted (0031). */
	practice_id: string | null;
	actor_id: string | null;
}

/** A WebAuthn credential's public half (0031). */
export interface PasskeysTable {
	id: string;
	user_id: string;
	public_key: string;
	/** bigint on PostgreSQL: read back as a string there, so always pass through Number(). */
	counter: number | string;
	/** JSON array of transport hints. */
	transports: string;
	name: string;
	created_at: Timestamp;
	last_used_at: Timestamp | null;
}

export interface WebauthnChallengesTable {
	challenge: string;
	user_id: string | null;
	purpose: 'register' | 'sign-in' | 'confirm';
	expires_at: Timestamp;
}

/** Browsers that signed in to an account before; any other sends a new-device email (0031). */
export interface KnownDevicesTable {
	user_id: string;
	device_hash: string;
	first_seen_at: Timestamp;
}

export type EmailTokenPurpose = 'confirm-email' | 'reset-password';

/** Single-use, expiring links sent by email; only the hash of the token is kept. */
export interface EmailTokensTable {
	token_hash: string;
	user_id: string;
	purpose: EmailTokenPurpose;
	created_at: Timestamp;
	expires_at: Timestamp;
	used_at: Timestamp | null;
}

export interface AuthAttemptsTable {
	id: Generated<number>;
	/** e.g. 'login:account:ann@example.com' or 'login:address:127.0.0.1' */
	bucket: string;
	attempted_at: Timestamp;
}

export interface DevMailboxTable {
	id: Generated<number>;
	to_address: string;
	subject: string;
	text_body: string;
	html_body: string | null;
	created_at: Timestamp;
}

export interface JobsTable {
	id: Generated<number>;
	kind: string;
	payload: string;
	run_at: Timestamp;
	attempts: number;
	locked_until: Timestamp | null;
	done_at: Timestamp | null;
	failed_at: Timestamp | null;
	last_error: string | null;
	created_at: Timestamp;
}

export interface AssessmentsTable {
	id: string;
	user_id: string;
	instrument_version: string;
	next_page: number;
	/** JSON object: item id → answer 1–5. */
	answers: string;
	/** JSON array of { page, itemCount, ms }. */
	page_timings: string;
	page_shown_at: Timestamp | null;
	started_at: Timestamp;
	updated_at: Timestamp;
	completed_at: Timestamp | null;
	/** JSON AssessmentScore, computed once at completion with the norms in force then. */
	result: string | null;
	position: number | null;
	balance: number | null;
	flagged_at: Timestamp | null;
}

export interface AppMetaTable {
	name: string;
	value: string;
}

export interface PersonKeysTable {
	user_id: string;
	key_id: string;
	wrapped_key: string;
	/** When the daily job first found no person for this key (decision 0041); null while they exist. */
	orphaned_at: string | null;
}

export type ReflectionStep = 'locate' | 'examine' | 'resonate' | 'commit' | 'report';

export interface JournalEntriesTable {
	id: string;
	user_id: string;
	/** A built-in step (ReflectionStep) or, with `prompt_text`, a step of a coach's program. */
	step: string;
	prompt_id: string;
	/** Set for a program's prompt (decision 0038): the step and prompt as they read when written. */
	step_title: string | null;
	prompt_text: string | null;
	prompt_hint: string | null;
	/** Encrypted: v1:keyId:iv:ciphertext:tag. */
	body: string;
	/** JSON arrays of domain codes and discipline names. */
	domains: string;
	disciplines: string;
	revision: number;
	shared_at: Timestamp | null;
	created_at: Timestamp;
	updated_at: Timestamp;
}

export type ActionKindCode = 'ask-help' | 'offer-help' | 'together' | 'step-back' | 'decide-share';

/** A small, concrete step with someone; due on a date or weekly on a weekday (never both). */
export interface ActionsTable {
	id: string;
	user_id: string;
	what: string;
	with_name: string;
	with_email: string | null;
	domain: 'FAM' | 'FRI' | 'TEAM';
	kind: ActionKindCode;
	discipline: string;
	/** YYYY-MM-DD */
	due_on: string | null;
	/** ISO weekday, 1 Monday … 7 Sunday. */
	weekday: number | null;
	/** YYYY-MM-DD: the day the schedule was set. */
	starts_on: string;
	/** YYYY-MM-DD: occurrences before this day are skipped. */
	paused_until: string | null;
	suggestion_id: string | null;
	created_at: Timestamp;
	updated_at: Timestamp;
	closed_at: Timestamp | null;
}

/** One report-back (or a skip) per occurrence of an action. */
export interface ActionReportsTable {
	id: string;
	action_id: string;
	/** YYYY-MM-DD of the occurrence answered. */
	occurrence: string;
	outcome: 'done' | 'partly' | 'not-yet' | null;
	happened: string | null;
	mutuality: number | null;
	compared: 'better' | 'same' | 'worse' | null;
	measure: number | null;
	measure_label: string | null;
	note: string | null;
	skipped_at: Timestamp | null;
	created_at: Timestamp;
	updated_at: Timestamp;
}

/** A link emailed to the person on the other side of an action, who confirms without an account. */
export interface CounterpartConfirmationsTable {
	id: string;
	action_id: string;
	token_hash: string;
	sent_to: string;
	created_at: Timestamp;
	expires_at: Timestamp;
	answered_at: Timestamp | null;
	happened: 'yes' | 'partly' | 'no' | null;
	mutuality: number | null;
	comment: string | null;
}

export type ReminderMode = 'each' | 'daily' | 'off';

export interface ReminderSettingsTable {
	user_id: string;
	mode: ReminderMode;
	updated_at: Timestamp;
}

export interface ReminderSendsTable {
	/** 'each:<actionId>:<occurrence>' or 'daily:<userId>:<day>'. */
	key: string;
	user_id: string;
	sent_at: Timestamp;
}

/** A private, revocable calendar feed URL; only the hash of its token is kept. */
export interface CalendarFeedsTable {
	id: string;
	user_id: string;
	token_hash: string;
	created_at: Timestamp;
	revoked_at: Timestamp | null;
}

/** An emailed invitation into a practice: single use, expiring, can be resent and revoked. */
export interface InvitationsTable {
	id: string;
	practice_id: string;
	role: 'coach' | 'client';
	/** For a client: the coach they will work with. */
	coach_id: string | null;
	invited_by: string;
	email: string;
	name: string;
	token_hash: string;
	created_at: Timestamp;
	expires_at: Timestamp;
	last_sent_at: Timestamp;
	send_count: number;
	accepted_at: Timestamp | null;
	accepted_by: string | null;
	revoked_at: Timestamp | null;
}

export type ChangeKind = 'reliable' | 'likely' | 'within-noise';

/** The roster's read model: one row per client, rebuilt when the client's data changes. */
export interface ClientSummariesTable {
	client_id: string;
	position: number | null;
	previous_position: number | null;
	change_kind: ChangeKind | null;
	latest_result_at: Timestamp | null;
	result_count: Generated<number>;
	last_activity_at: Timestamp | null;
	last_shared_at: Timestamp | null;
	last_report_at: Timestamp | null;
	/** JSON: open actions' schedules and recently settled occurrences. */
	open_actions: Generated<string>;
	/** The coach's last look at the client's page (the roster counts what came after it). */
	coach_seen_at: Timestamp | null;
	/** The coach's last look before the visit in progress: what the client's page compares with. */
	coach_previous_visit_at: Timestamp | null;
	refreshed_at: Timestamp;
}

export type ReplySubject = 'entry' | 'report';

/** A message in the thread on a shared entry or a report-back; body encrypted with the client's key. */
export interface RepliesTable {
	id: string;
	client_id: string;
	subject_type: ReplySubject;
	subject_id: string;
	author_id: string;
	body: string;
	created_at: Timestamp;
	read_at: Timestamp | null;
}

/** A coach's private note on a client, encrypted with the coach's key. */
export interface CoachNotesTable {
	id: string;
	client_id: string;
	coach_id: string;
	body: string;
	created_at: Timestamp;
	updated_at: Timestamp;
}

export interface ReassessmentsTable {
	id: string;
	client_id: string;
	coach_id: string;
	/** YYYY-MM-DD */
	due_on: string;
	created_at: Timestamp;
	completed_at: Timestamp | null;
	cancelled_at: Timestamp | null;
}

export type DigestMode = 'daily' | 'weekly' | 'off';

export interface DigestSettingsTable {
	user_id: string;
	mode: DigestMode;
	updated_at: Timestamp;
}

/** A feedback round: raters per domain say how they see the client (J7). */
export interface FeedbackRoundsTable {
	id: string;
	user_id: string;
	opened_at: Timestamp;
	closes_at: Timestamp;
	closed_at: Timestamp | null;
	/** Set while the client shares this round's result with their coach. */
	shared_at: Timestamp | null;
	/** JSON Release (domain/feedback/pooling.ts), stored once at the close. */
	released: string | null;
}

export type RaterStatus = 'invited' | 'sent' | 'declined';

export interface FeedbackRatersTable {
	id: string;
	round_id: string;
	domain: 'FAM' | 'FRI' | 'TEAM';
	name: string;
	email: string;
	token_hash: string;
	status: RaterStatus;
	/** JSON object: item id → answer 1–5; "I can't say" is left out. */
	answers: string;
	next_page: number;
	comment: string | null;
	decline_reason: string | null;
}

/** A link a rater was emailed before their latest one: it keeps working (migration 0074). */
export interface FeedbackRaterLinksTable {
	token_hash: string;
	rater_id: string;
}

export interface FeedbackOptOutsTable {
	email_hash: string;
	created_at: Timestamp;
}

/** A practice's own norms, one row per adoption; the one with no retired_at is in force. */
export interface PracticeNormsTable {
	id: string;
	practice_id: string;
	respondents: number;
	/** JSON { cellSd, cellAlpha, cellCorrelation }. */
	figures: string;
	adopted_by: string | null;
	adopted_at: Timestamp;
	retired_at: Timestamp | null;
}

/** The cached structure check of a practice's clean results (computed by a job). */
export interface PracticeValidityTable {
	practice_id: string;
	status: 'pending' | 'done' | 'failed';
	basis: string;
	respondents: number;
	/** JSON ValidityFigures. */
	figures: string | null;
	message: string | null;
	requested_at: Timestamp;
	computed_at: Timestamp | null;
}

// Data export and account deletion (issue 13, items 1–2)
export type ExportScope = 'person' | 'practice';
export type ExportStatus = 'queued' | 'running' | 'ready' | 'failed';

/** A ZIP being built or waiting 24 hours behind a single-use link (decision 0036). */
export interface DataExportsTable {
	id: string;
	user_id: string;
	scope: ExportScope;
	practice_id: string | null;
	status: ExportStatus;
	progress: number;
	step: string;
	requested_at: Timestamp;
	finished_at: Timestamp | null;
	expires_at: Timestamp | null;
	downloaded_at: Timestamp | null;
	size_bytes: number | null;
	/** The ZIP, base64, encrypted with the requester's data key; null once used or expired. */
	content: string | null;
}

/** An account in its grace period: deleted for good after `delete_after` unless undone. */
export interface AccountDeletionsTable {
	user_id: string;
	requested_at: Timestamp;
	delete_after: Timestamp;
}

// Teams (J8, issue 12): teams, members, invitations, check-in rounds and reliance ties.
export interface TeamsTable {
	id: string;
	practice_id: string;
	coach_id: string;
	name: string;
	description: string;
	lead_id: string | null;
	created_at: Timestamp;
	archived_at: Timestamp | null;
}
export interface TeamMembersTable {
	team_id: string;
	user_id: string;
	joined_at: Timestamp;
	left_at: Timestamp | null;
	show_dot: number;
}
export interface TeamInvitationsTable {
	id: string;
	team_id: string;
	email: string;
	name: string;
	token_hash: string;
	created_at: Timestamp;
	expires_at: Timestamp;
	accepted_at: Timestamp | null;
	revoked_at: Timestamp | null;
}
export interface TeamRoundsTable {
	id: string;
	team_id: string;
	number: number;
	opened_at: Timestamp;
	closes_at: Timestamp;
	closed_at: Timestamp | null;
	summary: string | null;
}
export interface TeamCheckInsTable {
	round_id: string;
	user_id: string;
	overall_position: number | null;
	team_position: number | null;
	updated_at: Timestamp;
	completed_at: Timestamp | null;
}
export interface TeamTiesTable {
	round_id: string;
	from_user_id: string;
	to_user_id: string;
	question: string;
	level: string;
}

/** A coach's suggestion that their client ask for feedback (issue 11); the client decides. */
export interface FeedbackSuggestionsTable {
	id: string;
	client_id: string;
	coach_id: string;
	created_at: Timestamp;
	answered_at: Timestamp | null;
}

// Programs (decision 0038)
export interface ProgramsTable {
	id: string;
	practice_id: string;
	author_id: string | null;
	title: string;
	/** JSON ProgramDocument (domain/programs/schema.ts), the version being edited. */
	draft: string;
	shared_at: Timestamp | null;
	created_at: Timestamp;
	updated_at: Timestamp;
}
export interface ProgramVersionsTable {
	id: string;
	program_id: string;
	number: number;
	document: string;
	published_at: Timestamp;
}
export type EnrolmentStatus = 'active' | 'paused' | 'ended';
export interface EnrolmentsTable {
	id: string;
	user_id: string;
	/** Null for the built-in program. */
	version_id: string | null;
	enrolled_by: string | null;
	start_at: Timestamp;
	status: EnrolmentStatus;
	paused_at: Timestamp | null;
	resumed_at: Timestamp | null;
	ended_at: Timestamp | null;
	created_at: Timestamp;
	last_activity_at: Timestamp;
	reported_progress: string | null;
}
export interface EnrolmentStepsTable {
	enrolment_id: string;
	step_id: string;
	completed_at: Timestamp;
	/** skipped: the client moved past a team check-in whose team no longer runs (decision 0038). */
	how: 'done' | 'moved-on' | 'skipped';
	answer: string | null;
}
export interface ProgramSettingsTable {
	practice_id: string;
	at_risk_days: number;
	off_track_days: number;
	inactive_days: number;
	updated_at: Timestamp;
}

export interface Database {
	data_exports: DataExportsTable;
	account_deletions: AccountDeletionsTable;
	// Teams (issue 12)
	teams: TeamsTable;
	team_members: TeamMembersTable;
	team_invitations: TeamInvitationsTable;
	team_rounds: TeamRoundsTable;
	team_check_ins: TeamCheckInsTable;
	team_ties: TeamTiesTable;
	// Accounts (0031-passkeys-sessions-and-staff).
	known_devices: KnownDevicesTable;
	email_changes: EmailChangesTable;
	email_change_undos: EmailChangeUndosTable;
	security_events: SecurityEventsTable;
	passkeys: PasskeysTable;
	webauthn_challenges: WebauthnChallengesTable;
	// Programs (decision 0038)
	programs: ProgramsTable;
	program_versions: ProgramVersionsTable;
	enrolments: EnrolmentsTable;
	enrolment_steps: EnrolmentStepsTable;
	program_settings: ProgramSettingsTable;
	totp_factors: TotpFactorsTable;
	recovery_codes: RecoveryCodesTable;
	pending_sign_ins: PendingSignInsTable;
	feedback_rounds: FeedbackRoundsTable;
	feedback_raters: FeedbackRatersTable;
	feedback_rater_links: FeedbackRaterLinksTable;
	feedback_opt_outs: FeedbackOptOutsTable;
	// Local norms and the cached structure check (issue 15).
	practice_norms: PracticeNormsTable;
	practice_validity: PracticeValidityTable;
	feedback_suggestions: FeedbackSuggestionsTable; // rater results everywhere (issue 11)
	calendar_feeds: CalendarFeedsTable;
	invitations: InvitationsTable;
	client_summaries: ClientSummariesTable;
	replies: RepliesTable;
	coach_notes: CoachNotesTable;
	reassessments: ReassessmentsTable;
	digest_settings: DigestSettingsTable;
	reminder_settings: ReminderSettingsTable;
	reminder_sends: ReminderSendsTable;
	counterpart_confirmations: CounterpartConfirmationsTable;
	actions: ActionsTable;
	action_reports: ActionReportsTable;
	app_meta: AppMetaTable;
	// The key store, outside what `midpoint backup` copies (decision 0041)
	'midpoint_keys.person_keys': PersonKeysTable;
	journal_entries: JournalEntriesTable;
	assessments: AssessmentsTable;
	users: UsersTable;
	practices: PracticesTable;
	memberships: MembershipsTable;
	sessions: SessionsTable;
	email_tokens: EmailTokensTable;
	auth_attempts: AuthAttemptsTable;
	dev_mailbox: DevMailboxTable;
	jobs: JobsTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type Practice = Selectable<PracticesTable>;
export type NewPractice = Insertable<PracticesTable>;
export type Membership = Selectable<MembershipsTable>;
export type Session = Selectable<SessionsTable>;
