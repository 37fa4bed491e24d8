import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Db, Dialect } from './db/create-db.ts';
import type { MasterKey } from './crypto/master-key.ts';

/** What every use-case needs from the outside world, passed in rather than imported. */
export interface AppContext {
	db: Db;
	dialect: Dialect;
	config: Config;
	now: () => Date;
	log: Logger;
	/** Wraps each person's data key; journal text and coach notes are encrypted with those. */
	masterKey: MasterKey;
}

export function nowIso(ctx: Pick<AppContext, 'now'>): string {
	return ctx.now().toISOString();
}
