import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../context.ts';
import { findUserById } from '../users/repository.ts';
import { eraseAccount } from './erase-account.ts';
import { hasAccountRows } from './repository.ts';

/**
 * The ids of deleted accounts, one per line, in a file beside the database and outside it
 * (DATA_DIR/erased-accounts, mode 0600). A backup taken before a deletion still holds the
 * person's rows and wrapped key; restoring it and starting Midpoint erases them again, first
 * thing, so a restore never brings a deleted person back. Ids are random: the file names nobody.
 */
const ledgerFile = (ctx: Pick<AppContext, 'config'>) =>
	path.join(ctx.config.dataDir, 'erased-accounts');

export function recordErasure(ctx: Pick<AppContext, 'config'>, userId: string): void {
	fs.mkdirSync(ctx.config.dataDir, { recursive: true });
	fs.appendFileSync(ledgerFile(ctx), `${userId}\n`, { mode: 0o600 });
}

export function listErasures(ctx: Pick<AppContext, 'config'>): string[] {
	const file = ledgerFile(ctx);
	if (!fs.existsSync(file)) return [];
	return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
}

/** Erases again every recorded account that a restored backup brought back; returns how many. */
export async function reapplyErasures(
	ctx: Pick<AppContext, 'db' | 'dialect' | 'config' | 'log'>
): Promise<number> {
	let erased = 0;
	for (const userId of listErasures(ctx)) {
		if (!(await hasAccountRows(ctx.db, userId))) continue;
		const email = (await findUserById(ctx.db, userId))?.email ?? null;
		await eraseAccount(ctx, userId, email);
		erased++;
	}
	if (erased) ctx.log.warn({ erased }, 'deleted accounts found again (a restored backup): erased');
	return erased;
}
