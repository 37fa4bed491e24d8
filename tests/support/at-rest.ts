import fs from 'node:fs';
import { expect } from 'vitest';
import type { DbHandle } from '../../src/lib/server/db/create-db.ts';

/**
 * Asserts that a sentence appears in no byte of the SQLite database file or its WAL, as UTF-8 or
 * UTF-16. Returns the files looked at (the WAL must be among them, or the check proves little).
 */
export function expectNotInSqliteFiles(handle: DbHandle, sentence: string): string[] {
	const file = handle.sqlite!.name;
	const files = [file, `${file}-wal`].filter((f) => fs.existsSync(f));
	expect(files).toContain(`${file}-wal`);
	for (const f of files) {
		const bytes = fs.readFileSync(f);
		expect(bytes.includes(Buffer.from(sentence, 'utf8')), f).toBe(false);
		expect(bytes.includes(Buffer.from(sentence, 'utf16le')), f).toBe(false);
	}
	return files;
}
