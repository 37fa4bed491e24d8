import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layering rules live in eslint.config.js; these prove each one reports a file that breaks
// it (and passes a file that keeps it), so a rule that silently stopped matching is noticed.
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath });
	const messages = result!.messages;
	// A parse failure would also "report" something: make sure that is not what happened.
	expect(messages.filter((m) => m.fatal)).toEqual([]);
	return messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering checked by lint', () => {
	it('keeps domain code free of I/O, the framework, the database and the server', async () => {
		const found = await restrictedImports(
			'src/lib/domain/made-up.ts',
			[
				"import { readFileSync } from 'node:fs';",
				"import { randomUUID } from 'crypto';",
				"import { error } from '@sveltejs/kit';",
				"import { sql } from 'kysely';",
				"import { Pool } from 'pg';",
				"import { logIn } from '../server/auth/log-in.ts';",
				"import { x } from '$lib/server/http/forms';",
				"import { y } from '../../routes/+page.server.ts';",
				'export const all = [readFileSync, randomUUID, error, sql, Pool, logIn, x, y];'
			].join('\n')
		);
		expect(found).toHaveLength(8);
		expect(found[0]).toContain('Domain code is pure');
		expect(
			await restrictedImports(
				'src/lib/domain/made-up.ts',
				"import { z } from 'zod';\nimport { can } from './policies.ts';\nexport const a = [z, can];"
			)
		).toEqual([]);
	}, 60_000);

	it('keeps routes away from repositories and the database module', async () => {
		const found = await restrictedImports(
			'src/routes/made-up/+page.server.ts',
			[
				"import { anyUserExists } from '$lib/server/users/repository';",
				"import { findPractice } from '$lib/server/users/practices-repository';",
				"import { createDb } from '$lib/server/db/create-db';",
				"import { sql } from 'kysely';",
				"import { isFirstRun } from '$lib/server/users/is-first-run';",
				'export const all = [anyUserExists, findPractice, createDb, sql, isFirstRun];'
			].join('\n')
		);
		expect(found).toHaveLength(4);
		expect(found[0]).toContain('through a use-case');
		expect(found[3]).toContain('never the database module or a driver');
	}, 60_000);

	it('keeps server code out of components and pages sent to the browser', async () => {
		const component = (line: string) =>
			`<script lang="ts">\n\t${line}\n\tconsole.log(x);\n</script>\n`;
		// Existing files, so the TypeScript project knows them; only the text linted is made up.
		for (const filePath of ['src/lib/components/FormAlert.svelte', 'src/routes/+page.svelte']) {
			const found = await restrictedImports(
				filePath,
				component("import { x } from '$lib/server/http/forms';")
			);
			expect(found, filePath).toHaveLength(1);
			expect(found[0]).toContain('Server code stays on the server');
		}
		expect(
			await restrictedImports(
				'src/lib/components/coach/made-up.ts',
				"import { x } from '../../server/http/forms.ts';\nexport const a = x;"
			)
		).toHaveLength(1);
		expect(
			await restrictedImports(
				'src/lib/components/FormAlert.svelte',
				component("import { x } from '$lib/format';")
			)
		).toEqual([]);
	}, 60_000);
});
