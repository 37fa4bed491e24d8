import type { Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationResultSet } from 'kysely/migration';
import { connectionProblem } from './unavailable.ts';
import * as foundation from './migrations/2026-11-27-0001-foundation.ts';
import * as assessments from './migrations/2026-11-27-0002-assessments.ts';
import * as journal from './migrations/2026-11-27-0003-journal.ts';
import * as actions from './migrations/2026-11-27-0004-actions.ts';
import * as counterpart from './migrations/2026-11-27-0005-counterpart-confirmations.ts';
import * as reminders from './migrations/2026-11-27-0006-reminders.ts';
import * as workspace from './migrations/2026-11-27-0007-workspace.ts';
import * as scrubSentMail from './migrations/2026-11-29-0025-scrub-sent-mail.ts';
import * as coachVisits from './migrations/2026-11-29-0026-coach-visits.ts';
import * as twoFactor from './migrations/2026-11-29-0030-two-factor.ts';
import * as feedbackRounds from './migrations/2026-11-29-0031-feedback-rounds.ts';
// Accounts: sessions list, re-authentication, email change, security log (0031-passkeys-sessions-and-staff).
import * as sessionsAndDevices from './migrations/2026-11-29-0032-sessions-and-devices.ts';
import * as emailChanges from './migrations/2026-11-29-0033-email-changes.ts';
import * as securityLog from './migrations/2026-11-29-0034-security-log-and-passkeys.ts';
// Local norms and the cached structure check (issue 15).
import * as practiceNorms from './migrations/2026-11-29-0035-practice-norms.ts';
import * as practiceValidity from './migrations/2026-11-29-0036-practice-validity.ts';
// Keys and encryption at rest (decision 0037)
import * as sealMoreFields from './migrations/2026-11-29-0048-seal-more-fields.ts';
// Data export and account deletion (issue 13, items 1–2)
import * as dataExports from './migrations/2026-11-29-0045-data-exports.ts';
import * as accountDeletions from './migrations/2026-11-29-0046-account-deletions.ts';
// Teams (issue 12)
import * as teams from './migrations/2026-11-29-0040-teams.ts';
import * as teamTiesNamed from './migrations/2026-11-29-0041-team-ties-named.ts';
// Rater results everywhere (issue 11): a coach suggests a round.
import * as feedbackSuggestions from './migrations/2026-11-29-0037-feedback-suggestions.ts';
// Programs (decision 0038)
import * as programs from './migrations/2026-11-29-0050-programs.ts';
// Accounts, second round (0031): the email-change undo.
import * as emailChangeUndos from './migrations/2026-11-29-0060-email-change-undos.ts';
import * as practiceSecurityEvents from './migrations/2026-11-29-0061-practice-security-events.ts';
import * as sessionPlace from './migrations/2026-11-29-0062-session-place.ts';
// Program prompts in the journal (decision 0038)
import * as journalProgramPrompts from './migrations/2026-11-29-0073-journal-program-prompts.ts';
import * as raterEarlierLinks from './migrations/2026-11-30-0074-rater-earlier-links.ts';
// The key store, outside what `midpoint backup` copies (decision 0041)
import * as personKeysApart from './migrations/2026-11-29-0070-person-keys-apart.ts';
import { ensureKeyStore } from './key-store.ts';
import type { Dialect } from './create-db.ts';

/** Frozen, date-prefixed migrations, in order. Never edit one that has shipped: add another. */
export function migrations(dialect: Dialect): Record<string, Migration> {
	return {
		'2026-11-27-0001-foundation': { up: (db) => foundation.up(db, dialect) },
		'2026-11-27-0002-assessments': { up: (db) => assessments.up(db, dialect) },
		'2026-11-27-0003-journal': { up: (db) => journal.up(db, dialect) },
		'2026-11-27-0004-actions': { up: (db) => actions.up(db, dialect) },
		'2026-11-27-0005-counterpart-confirmations': { up: (db) => counterpart.up(db, dialect) },
		'2026-11-27-0006-reminders': { up: (db) => reminders.up(db, dialect) },
		'2026-11-27-0007-workspace': { up: (db) => workspace.up(db, dialect) },
		'2026-11-29-0025-scrub-sent-mail': { up: (db) => scrubSentMail.up(db, dialect) },
		'2026-11-29-0026-coach-visits': { up: (db) => coachVisits.up(db, dialect) },
		'2026-11-29-0030-two-factor': { up: (db) => twoFactor.up(db, dialect) },
		'2026-11-29-0031-feedback-rounds': { up: (db) => feedbackRounds.up(db, dialect) },
		// Accounts (0031-passkeys-sessions-and-staff).
		'2026-11-29-0032-sessions-and-devices': { up: (db) => sessionsAndDevices.up(db, dialect) },
		'2026-11-29-0033-email-changes': { up: (db) => emailChanges.up(db, dialect) },
		'2026-11-29-0034-security-log-and-passkeys': { up: (db) => securityLog.up(db, dialect) },
		// Local norms and the cached structure check (issue 15).
		'2026-11-29-0035-practice-norms': { up: (db) => practiceNorms.up(db, dialect) },
		'2026-11-29-0036-practice-validity': { up: (db) => practiceValidity.up(db, dialect) },
		// Data export and account deletion (issue 13, items 1–2)
		'2026-11-29-0045-data-exports': { up: (db) => dataExports.up(db, dialect) },
		'2026-11-29-0046-account-deletions': { up: (db) => accountDeletions.up(db, dialect) },
		// Keys and encryption at rest (decision 0037)
		'2026-11-29-0048-seal-more-fields': { up: (db) => sealMoreFields.up(db, dialect) },
		// Teams (issue 12)
		'2026-11-29-0040-teams': { up: (db) => teams.up(db, dialect) },
		'2026-11-29-0041-team-ties-named': { up: (db) => teamTiesNamed.up(db, dialect) },
		'2026-11-29-0037-feedback-suggestions': { up: (db) => feedbackSuggestions.up(db, dialect) },
		// Programs (decision 0038)
		'2026-11-29-0050-programs': { up: (db) => programs.up(db, dialect) },
		// Accounts, second round (0031): the email-change undo.
		'2026-11-29-0060-email-change-undos': { up: (db) => emailChangeUndos.up(db, dialect) },
		'2026-11-29-0061-practice-security-events': {
			up: (db) => practiceSecurityEvents.up(db, dialect)
		},
		// Where a session signed in from, when a proxy says (issue 10)
		'2026-11-29-0062-session-place': { up: (db) => sessionPlace.up(db, dialect) },
		// Program prompts in the journal (decision 0038)
		'2026-11-29-0073-journal-program-prompts': {
			up: (db) => journalProgramPrompts.up(db, dialect)
		},
		// A reminder's new link leaves the earlier ones working
		'2026-11-30-0074-rater-earlier-links': { up: (db) => raterEarlierLinks.up(db, dialect) },
		// The key store, outside what `midpoint backup` copies (decision 0041)
		'2026-11-29-0070-person-keys-apart': { up: (db) => personKeysApart.up(db, dialect) }
	};
}

export async function migrateToLatest(
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	db: Kysely<any>,
	dialect: Dialect
): Promise<MigrationResultSet> {
	const migrator = new Migrator({
		db,
		provider: { getMigrations: async () => migrations(dialect) },
		// Numbers are handed out to work done side by side, and merged in any order: a database
		// that already ran 0048 must still run 0037 when it arrives. Each migration only adds its
		// own tables and columns, so running a late one after a higher number is safe.
		allowUnorderedMigrations: true
	});
	const result = await migrator.migrateToLatest();
	if (result.error) {
		const failed = result.results?.find((r) => r.status === 'Error');
		const message = result.error instanceof Error ? result.error.message : String(result.error);
		if (failed) throw new Error(`Migration ${failed.migrationName} failed: ${message}`);
		// Nothing ran: the database could not be opened at all.
		throw new Error(connectionProblem(result.error) ?? message, {
			cause: result.error
		});
	}
	// A database restored into a new PostgreSQL server comes without its key store (0041).
	await ensureKeyStore(db, dialect);
	return result;
}
