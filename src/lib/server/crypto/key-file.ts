import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config.ts';

/**
 * Reads the master key file: one base64 key a line, the current key first, then (only during a
 * rotation) the previous one. Made with mode 0600 when `create` and absent (a fresh SQLite
 * database); its folder is made 0700 when it does not exist.
 */
export function readKeyFile(file: string, create: boolean): Buffer[] {
	if (fs.existsSync(file)) {
		const lines = fs
			.readFileSync(file, 'utf8')
			.split('\n')
			.map((l) => l.trim())
			.filter(Boolean);
		const keys = lines.map((l) => Buffer.from(l, 'base64'));
		if (keys.length === 0 || keys.length > 2 || keys.some((k) => k.length !== 32))
			throw new ConfigError(
				`Midpoint cannot start: ${file} must hold one base64 key of 32 bytes a line ` +
					'(the current key, then the previous one only during a rotation).'
			);
		return keys;
	}
	if (!create) {
		throw new ConfigError(
			`Midpoint cannot start: the master key file ${file} is missing, and the database holds text encrypted ` +
				'with it. Restore the file (or set MIDPOINT_MASTER_KEY). Midpoint will not start without it.'
		);
	}
	fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
	const key = randomBytes(32);
	fs.writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
	return [key];
}
