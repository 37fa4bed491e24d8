import type { Db } from '../db/create-db.ts';
import type { NewUser, User } from '../db/types.ts';

export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
	return db
		.selectFrom('users')
		.selectAll()
		.where('email', '=', normaliseEmail(email))
		.executeTakeFirst();
}

export async function findUserById(db: Db, id: string): Promise<User | undefined> {
	return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(db: Db, user: NewUser): Promise<void> {
	await db
		.insertInto('users')
		.values({ ...user, email: normaliseEmail(user.email) })
		.execute();
}

export async function updatePasswordHash(
	db: Db,
	userId: string,
	passwordHash: string,
	at: string
): Promise<void> {
	await db
		.updateTable('users')
		.set({ password_hash: passwordHash, password_changed_at: at })
		.where('id', '=', userId)
		.execute();
}

/** A new address for an account, proven by its link (so it is confirmed too). */
export async function updateUserEmail(
	db: Db,
	userId: string,
	email: string,
	at: string
): Promise<void> {
	await db
		.updateTable('users')
		.set({ email: normaliseEmail(email), email_verified_at: at })
		.where('id', '=', userId)
		.execute();
}

/** Whether any account exists: one row looked up, where a count would read every account. */
export async function anyUserExists(db: Db): Promise<boolean> {
	const row = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
	return row !== undefined;
}
