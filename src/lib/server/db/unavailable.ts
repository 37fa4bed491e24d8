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

/**
 * Why a database could not be opened at start, in words an operator acts on; null when the
 * error is something else (a failing migration says its own name).
 */
export function connectionProblem(error: unknown): string | null {
	const first = error instanceof AggregateError && error.errors.length ? error.errors[0] : error;
	const { code, address, port } = (first ?? {}) as {
		code?: unknown;
		address?: unknown;
		port?: unknown;
	};
	const message = error instanceof Error ? error.message : String(error);
	if (code === '3D000') {
		const name = /database "([^"]+)"/.exec(message)?.[1] ?? '';
		return `The database "${name}" does not exist on that PostgreSQL server. Create it (createdb ${name}) or correct DATABASE_URL.`;
	}
	if (code === '28P01' || code === '28000')
		return `PostgreSQL refused the user or password in DATABASE_URL (${message}).`;
	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
		return 'Cannot find the PostgreSQL host named in DATABASE_URL: check its host name.';
	if (unavailability(error) === 'unreachable') {
		const at = typeof address === 'string' ? ` at ${address}${port ? `:${port}` : ''}` : '';
		return `Cannot reach PostgreSQL${at}: is it running, and does DATABASE_URL name the right host and port?`;
	}
	return null;
}
