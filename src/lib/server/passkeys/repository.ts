import type { Db } from '../db/create-db.ts';

export interface PasskeyRecord {
	id: string;
	userId: string;
	publicKey: string;
	counter: number;
	transports: string[];
	name: string;
	createdAt: string;
	lastUsedAt: string | null;
}

type Row = {
	id: string;
	user_id: string;
	public_key: string;
	counter: number | string;
	transports: string;
	name: string;
	created_at: string;
	last_used_at: string | null;
};

function toRecord(row: Row): PasskeyRecord {
	return {
		id: row.id,
		userId: row.user_id,
		publicKey: row.public_key,
		// bigint comes back as a string on PostgreSQL.
		counter: Number(row.counter),
		transports: JSON.parse(row.transports) as string[],
		name: row.name,
		createdAt: row.created_at,
		lastUsedAt: row.last_used_at
	};
}

export async function insertPasskey(db: Db, p: Omit<PasskeyRecord, 'lastUsedAt'>): Promise<void> {
	await db
		.insertInto('passkeys')
		.values({
			id: p.id,
			user_id: p.userId,
			public_key: p.publicKey,
			counter: p.counter,
			transports: JSON.stringify(p.transports),
			name: p.name,
			created_at: p.createdAt,
			last_used_at: null
		})
		.execute();
}

export async function listPasskeysOf(db: Db, userId: string): Promise<PasskeyRecord[]> {
	const rows = await db
		.selectFrom('passkeys')
		.selectAll()
		.where('user_id', '=', userId)
		.orderBy('created_at')
		.execute();
	return rows.map(toRecord);
}

export async function findPasskey(db: Db, id: string): Promise<PasskeyRecord | undefined> {
	const row = await db.selectFrom('passkeys').selectAll().where('id', '=', id).executeTakeFirst();
	return row && toRecord(row);
}

export async function countPasskeysOf(db: Db, userId: string): Promise<number> {
	const row = await db
		.selectFrom('passkeys')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('user_id', '=', userId)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export async function markPasskeyUsed(
	db: Db,
	id: string,
	counter: number,
	at: string
): Promise<void> {
	await db
		.updateTable('passkeys')
		.set({ counter, last_used_at: at })
		.where('id', '=', id)
		.execute();
}

/** Removes one of a person's passkeys; false when it is not theirs or gone already. */
export async function deletePasskeyOf(db: Db, userId: string, id: string): Promise<boolean> {
	const result = await db
		.deleteFrom('passkeys')
		.where('user_id', '=', userId)
		.where('id', '=', id)
		.executeTakeFirst();
	return Number(result.numDeletedRows) === 1;
}

export async function insertChallenge(
	db: Db,
	row: {
		challenge: string;
		userId: string | null;
		purpose: 'register' | 'sign-in' | 'confirm';
		expiresAt: string;
	}
): Promise<void> {
	await db
		.insertInto('webauthn_challenges')
		.values({
			challenge: row.challenge,
			user_id: row.userId,
			purpose: row.purpose,
			expires_at: row.expiresAt
		})
		.execute();
}

/**
 * Uses up a challenge: true only for the one request that deletes it, while it is live, for this
 * purpose and person (null: a sign-in, where the person is not known yet).
 */
export async function takeChallenge(
	db: Db,
	row: {
		challenge: string;
		userId: string | null;
		purpose: 'register' | 'sign-in' | 'confirm';
		now: string;
	}
): Promise<boolean> {
	let query = db
		.deleteFrom('webauthn_challenges')
		.where('challenge', '=', row.challenge)
		.where('purpose', '=', row.purpose)
		.where('expires_at', '>', row.now);
	query = row.userId ? query.where('user_id', '=', row.userId) : query.where('user_id', 'is', null);
	const result = await query.executeTakeFirst();
	return Number(result.numDeletedRows) === 1;
}

export async function deleteExpiredChallenges(db: Db, now: string): Promise<void> {
	await db.deleteFrom('webauthn_challenges').where('expires_at', '<=', now).execute();
}
