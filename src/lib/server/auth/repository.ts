import type { Db } from '../db/create-db.ts';
import type { EmailTokenPurpose, User } from '../db/types.ts';

export async function insertEmailToken(
	db: Db,
	row: {
		token_hash: string;
		user_id: string;
		purpose: EmailTokenPurpose;
		created_at: string;
		expires_at: string;
	}
): Promise<void> {
	await db
		.insertInto('email_tokens')
		.values({ ...row, used_at: null })
		.execute();
}

/** A link's user with the link's state, or undefined when no link of that purpose has the hash. */
export async function findEmailToken(
	db: Db,
	tokenHash: string,
	purpose: EmailTokenPurpose
): Promise<(User & { expires_at: string; used_at: string | null }) | undefined> {
	return db
		.selectFrom('email_tokens as t')
		.innerJoin('users as u', 'u.id', 't.user_id')
		.selectAll('u')
		.select(['t.expires_at', 't.used_at'])
		.where('t.token_hash', '=', tokenHash)
		.where('t.purpose', '=', purpose)
		.executeTakeFirst();
}

/** Marks one link used; false when it was used already (another request got there first). */
export async function markEmailTokenUsed(db: Db, tokenHash: string, at: string): Promise<boolean> {
	const result = await db
		.updateTable('email_tokens')
		.set({ used_at: at })
		.where('token_hash', '=', tokenHash)
		.where('used_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Uses up every open link of a purpose for a person: they answer as used from now on. */
export async function spendOpenEmailTokens(
	db: Db,
	userId: string,
	purpose: EmailTokenPurpose,
	at: string
): Promise<void> {
	await db
		.updateTable('email_tokens')
		.set({ used_at: at })
		.where('user_id', '=', userId)
		.where('purpose', '=', purpose)
		.where('used_at', 'is', null)
		.execute();
}

export async function markEmailVerified(db: Db, userId: string, at: string): Promise<void> {
	await db
		.updateTable('users')
		.set({ email_verified_at: at })
		.where('id', '=', userId)
		.where('email_verified_at', 'is', null)
		.execute();
}
