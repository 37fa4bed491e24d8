import type { Selectable } from 'kysely';
import type { Db } from '../db/create-db.ts';
import type { DataExportsTable, ExportScope } from '../db/types.ts';

export type ExportRow = Selectable<DataExportsTable>;
/** What pages show of an export: everything but the file itself. */
export type ExportState = Omit<ExportRow, 'content'>;

const STATE_COLUMNS = [
	'id',
	'user_id',
	'scope',
	'practice_id',
	'status',
	'progress',
	'step',
	'requested_at',
	'finished_at',
	'expires_at',
	'downloaded_at',
	'size_bytes'
] as const;

/** Inserts a queued export; the unique index refuses a second one in the making. */
export async function insertExport(db: Db, row: ExportRow): Promise<void> {
	await db.insertInto('data_exports').values(row).execute();
}

export async function findExport(db: Db, id: string): Promise<ExportState | undefined> {
	return db
		.selectFrom('data_exports')
		.select(STATE_COLUMNS)
		.where('id', '=', id)
		.executeTakeFirst();
}

/** The newest export of this person in this scope (for a practice, of that practice). */
export async function findLatestExport(
	db: Db,
	userId: string,
	scope: ExportScope,
	practiceId: string | null
): Promise<ExportState | undefined> {
	let query = db
		.selectFrom('data_exports')
		.select(STATE_COLUMNS)
		.where('user_id', '=', userId)
		.where('scope', '=', scope);
	if (practiceId) query = query.where('practice_id', '=', practiceId);
	return query.orderBy('requested_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
}

export async function saveExportProgress(
	db: Db,
	id: string,
	progress: number,
	step: string
): Promise<void> {
	await db
		.updateTable('data_exports')
		.set({ status: 'running', progress, step })
		.where('id', '=', id)
		.execute();
}

export async function markExportReady(
	db: Db,
	id: string,
	file: { content: string; sizeBytes: number; at: string; expiresAt: string }
): Promise<void> {
	await db
		.updateTable('data_exports')
		.set({
			status: 'ready',
			progress: 100,
			step: 'Ready',
			content: file.content,
			size_bytes: file.sizeBytes,
			finished_at: file.at,
			expires_at: file.expiresAt
		})
		.where('id', '=', id)
		.execute();
}

export async function markExportFailed(db: Db, id: string, at: string): Promise<void> {
	await db
		.updateTable('data_exports')
		.set({ status: 'failed', step: 'Failed', finished_at: at, content: null })
		.where('id', '=', id)
		.execute();
}

/** The export with its file (null once used or expired). */
export async function findExportWithFile(db: Db, id: string): Promise<ExportRow | undefined> {
	return db.selectFrom('data_exports').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Marks the link used and drops the file, once: false when another request used it first or it
 * expired meanwhile. The caller read the file just before, in the same transaction.
 */
export async function claimDownload(db: Db, id: string, at: string): Promise<boolean> {
	const result = await db
		.updateTable('data_exports')
		.set({ downloaded_at: at, content: null })
		.where('id', '=', id)
		.where('downloaded_at', 'is', null)
		.where('content', 'is not', null)
		.where('expires_at', '>', at)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Drops the file of an export past its 24 hours (the row stays, to say the link expired). */
export async function dropExportFile(db: Db, id: string): Promise<void> {
	await db.updateTable('data_exports').set({ content: null }).where('id', '=', id).execute();
}
