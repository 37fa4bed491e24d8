/**
 * Which errors mean "the database cannot be used just now" rather than "the code is wrong":
 * PostgreSQL stopped, restarting or unreachable, and SQLite unable to write (disk full, file
 * read-only, I/O failure). These get a 503 page that keeps what was typed, not a 500.
 */
export type Unavailability = 'unreachable' | 'storage';

// PostgreSQL: connection exceptions (08…) and operator intervention (57P01–57P03).
const PG_CODES = new Set(['08000', '08001', '08003', '08004', '08006', '57P01', '57P02', '57P03']);
const NET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);
const PG_MESSAGES =
	/Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/;
const SQLITE_STORAGE = /^SQLITE_(FULL|READONLY|IOERR|CANTOPEN)/;

export function unavailability(error: unknown): Unavailability | null {
	for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
		const code = (e as { code?: unknown }).code;
		if (typeof code === 'string') {
			if (PG_CODES.has(code) || NET_CODES.has(code)) return 'unreachable';
			if (SQLITE_STORAGE.test(code)) return 'storage';
		}
		if (e instanceof AggregateError && e.errors.some((x) => unavailability(x) === 'unreachable'))
			return 'unreachable';
		if (e instanceof Error && PG_MESSAGES.test(e.message)) return 'unreachable';
		e = (e as { cause?: unknown }).cause;
	}
	return null;
}
