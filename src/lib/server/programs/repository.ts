import type { Db } from '../db/create-db.ts';
import type {
	EnrolmentStepsTable,
	EnrolmentsTable,
	ProgramSettingsTable,
	ProgramsTable
} from '../db/types.ts';
import type { Insertable, Selectable } from 'kysely';

export type ProgramRow = Selectable<ProgramsTable>;
export type EnrolmentRow = Selectable<EnrolmentsTable>;
export type EnrolmentStepRow = Selectable<EnrolmentStepsTable>;

export async function insertProgram(db: Db, row: Insertable<ProgramsTable>): Promise<void> {
	await db.insertInto('programs').values(row).execute();
}

export async function findProgram(db: Db, id: string): Promise<ProgramRow | undefined> {
	return db.selectFrom('programs').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function saveDraft(
	db: Db,
	id: string,
	draft: { title: string; json: string; at: string }
): Promise<void> {
	await db
		.updateTable('programs')
		.set({ title: draft.title, draft: draft.json, updated_at: draft.at })
		.where('id', '=', id)
		.execute();
}

export async function markShared(db: Db, id: string, at: string | null): Promise<void> {
	await db.updateTable('programs').set({ shared_at: at }).where('id', '=', id).execute();
}

export interface ProgramListing {
	id: string;
	title: string;
	authorId: string | null;
	authorName: string | null;
	sharedAt: string | null;
	updatedAt: string;
	latestVersion: number | null;
}

/** A practice's programs with the number of their latest version (null while never published). */
export async function listPracticePrograms(db: Db, practiceId: string): Promise<ProgramListing[]> {
	const rows = await db
		.selectFrom('programs as p')
		.leftJoin('users as u', 'u.id', 'p.author_id')
		.select((eb) => [
			'p.id',
			'p.title',
			'p.author_id as authorId',
			'u.name as authorName',
			'p.shared_at as sharedAt',
			'p.updated_at as updatedAt',
			eb
				.selectFrom('program_versions as v')
				.whereRef('v.program_id', '=', 'p.id')
				.select((v) => v.fn.max('v.number').as('n'))
				.as('latestVersion')
		])
		.where('p.practice_id', '=', practiceId)
		.orderBy('p.title')
		.execute();
	return rows.map((r) => ({
		...r,
		latestVersion: r.latestVersion === null ? null : Number(r.latestVersion)
	}));
}

export interface VersionRow {
	id: string;
	programId: string;
	number: number;
	document: string;
	publishedAt: string;
}

const versionColumns = [
	'id',
	'program_id as programId',
	'number',
	'document',
	'published_at as publishedAt'
] as const;

export async function findLatestVersion(
	db: Db,
	programId: string
): Promise<VersionRow | undefined> {
	const row = await db
		.selectFrom('program_versions')
		.select(versionColumns)
		.where('program_id', '=', programId)
		.orderBy('number', 'desc')
		.executeTakeFirst();
	return row && { ...row, number: Number(row.number) };
}

export async function findVersion(db: Db, id: string): Promise<VersionRow | undefined> {
	const row = await db
		.selectFrom('program_versions')
		.select(versionColumns)
		.where('id', '=', id)
		.executeTakeFirst();
	return row && { ...row, number: Number(row.number) };
}

export async function insertVersion(db: Db, row: VersionRow): Promise<void> {
	await db
		.insertInto('program_versions')
		.values({
			id: row.id,
			program_id: row.programId,
			number: row.number,
			document: row.document,
			published_at: row.publishedAt
		})
		.execute();
}

export async function insertEnrolment(db: Db, row: Insertable<EnrolmentsTable>): Promise<void> {
	await db.insertInto('enrolments').values(row).execute();
}

/** Someone's enrolment that has not ended (at most one, by a unique index). */
export async function findOpenEnrolmentOf(
	db: Db,
	userId: string
): Promise<EnrolmentRow | undefined> {
	return db
		.selectFrom('enrolments')
		.selectAll()
		.where('user_id', '=', userId)
		.where('ended_at', 'is', null)
		.executeTakeFirst();
}

export async function findEnrolment(db: Db, id: string): Promise<EnrolmentRow | undefined> {
	return db.selectFrom('enrolments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateEnrolment(
	db: Db,
	id: string,
	changes: Partial<
		Pick<
			EnrolmentRow,
			| 'status'
			| 'paused_at'
			| 'resumed_at'
			| 'ended_at'
			| 'version_id'
			| 'last_activity_at'
			| 'reported_progress'
		>
	>
): Promise<void> {
	await db.updateTable('enrolments').set(changes).where('id', '=', id).execute();
}

export async function listEnrolmentSteps(
	db: Db,
	enrolmentIds: readonly string[]
): Promise<EnrolmentStepRow[]> {
	if (enrolmentIds.length === 0) return [];
	return db
		.selectFrom('enrolment_steps')
		.selectAll()
		.where('enrolment_id', 'in', enrolmentIds)
		.execute();
}

/** Records a step as done; false when it already was (a second click, or a race). */
export async function insertEnrolmentStep(db: Db, row: EnrolmentStepRow): Promise<boolean> {
	const result = await db
		.insertInto('enrolment_steps')
		.values(row)
		.onConflict((oc) => oc.columns(['enrolment_id', 'step_id']).doNothing())
		.executeTakeFirst();
	return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export interface EnrolledClient {
	enrolment: EnrolmentRow;
	programTitle: string;
	versionNumber: number | null;
	programId: string | null;
	document: string | null;
}

/** Enrolments with the version each follows (none for the built-in program). */
function enrolmentsWithVersions(db: Db) {
	return db
		.selectFrom('enrolments as e')
		.leftJoin('program_versions as v', 'v.id', 'e.version_id')
		.leftJoin('programs as p', 'p.id', 'v.program_id')
		.selectAll('e')
		.select(['p.title', 'v.number', 'v.program_id', 'v.document']);
}

type EnrolmentWithVersion = EnrolmentRow & {
	title: string | null;
	number: number | null;
	program_id: string | null;
	document: string | null;
};

function enrolledClientOf({
	title,
	number,
	program_id,
	document,
	...enrolment
}: EnrolmentWithVersion): EnrolledClient {
	return {
		enrolment,
		programTitle: title ?? '',
		versionNumber: number === null ? null : Number(number),
		programId: program_id,
		document
	};
}

/** Open enrolments of the given people, with the version each follows (none for the built-in). */
export async function listOpenEnrolments(
	db: Db,
	userIds: readonly string[]
): Promise<EnrolledClient[]> {
	if (userIds.length === 0) return [];
	const rows = await enrolmentsWithVersions(db)
		.where('e.user_id', 'in', userIds)
		.where('e.ended_at', 'is', null)
		.execute();
	return rows.map(enrolledClientOf);
}

/** Every enrolment a person has had, ended ones too, oldest first (for their data export). */
export async function listEnrolmentsOf(db: Db, userId: string): Promise<EnrolledClient[]> {
	const rows = await enrolmentsWithVersions(db)
		.where('e.user_id', '=', userId)
		.orderBy('e.created_at')
		.orderBy('e.id')
		.execute();
	return rows.map(enrolledClientOf);
}

export async function findProgramSettings(
	db: Db,
	practiceId: string
): Promise<Selectable<ProgramSettingsTable> | undefined> {
	return db
		.selectFrom('program_settings')
		.selectAll()
		.where('practice_id', '=', practiceId)
		.executeTakeFirst();
}

export async function saveProgramSettings(
	db: Db,
	row: Selectable<ProgramSettingsTable>
): Promise<void> {
	await db
		.insertInto('program_settings')
		.values(row)
		.onConflict((oc) =>
			oc.column('practice_id').doUpdateSet({
				at_risk_days: row.at_risk_days,
				off_track_days: row.off_track_days,
				inactive_days: row.inactive_days,
				updated_at: row.updated_at
			})
		)
		.execute();
}
