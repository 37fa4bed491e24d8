import type { Db } from '../db/create-db.ts';

export interface SecurityEventRow {
	kind: string;
	at: string;
	device: string | null;
}

export async function insertSecurityEvent(
	db: Db,
	row: { id: string; userId: string; kind: string; at: string; device: string | null }
): Promise<void> {
	await db
		.insertInto('security_events')
		.values({ id: row.id, user_id: row.userId, kind: row.kind, at: row.at, device: row.device })
		.execute();
}

/** One person's events, newest first. */
export async function listSecurityEventsOf(
	db: Db,
	userId: string,
	limit: number
): Promise<SecurityEventRow[]> {
	return db
		.selectFrom('security_events')
		.select(['kind', 'at', 'device'])
		.where('user_id', '=', userId)
		.orderBy('at', 'desc')
		.orderBy('id')
		.limit(limit)
		.execute();
}
