import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Where Debian puts each PostgreSQL version's programs (the test set-up finds pg_ctl there too). */
export const PG_LIB_ROOT = '/usr/lib/postgresql';

/**
 * The path of a PostgreSQL client program (pg_dump, pg_restore): the newest version under
 * /usr/lib/postgresql first (a newer pg_dump reads older servers, never the reverse), then PATH.
 */
export function findPgTool(
	name: 'pg_dump' | 'pg_restore',
	pathVar = process.env.PATH ?? '',
	root = PG_LIB_ROOT
): string | undefined {
	const versions = fs.existsSync(root)
		? fs
				.readdirSync(root)
				.filter((v) => /^\d+$/.test(v))
				.sort((a, b) => Number(b) - Number(a))
		: [];
	const candidates = [
		...versions.map((v) => path.join(root, v, 'bin', name)),
		...pathVar
			.split(path.delimiter)
			.filter(Boolean)
			.map((d) => path.join(d, name))
	];
	return candidates.find((c) => fs.existsSync(c));
}

export class PgToolMissing extends Error {
	constructor(name: string) {
		super(
			`${name} was not found (looked in ${PG_LIB_ROOT}/*/bin and PATH). Install PostgreSQL's client programs, ` +
				'e.g. apt-get install postgresql-client, at a version at least that of the server. Nothing was changed.'
		);
	}
}

/** Runs a PostgreSQL program; its own message when it fails. */
export function runPgTool(
	name: 'pg_dump' | 'pg_restore',
	args: string[],
	pathVar?: string,
	root?: string
): { ok: boolean; output: string } {
	const bin = findPgTool(name, pathVar, root);
	if (!bin) throw new PgToolMissing(name);
	const result = spawnSync(bin, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
	return { ok: result.status === 0, output: result.error ? result.error.message : output };
}
