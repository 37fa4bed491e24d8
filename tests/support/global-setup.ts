import type { TestProject } from 'vitest/node';
import { makePostgresTemplate, makeSqliteTemplate, type Templates } from './template-db.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		midpointTemplates: Templates;
	}
}

/**
 * Once per run (per vitest project): migrate a template database for each engine the tests use,
 * hand their names to the tests, and remove them at the end.
 */
export default async function setup(project: TestProject) {
	const dialects = (process.env.DIALECTS ?? 'sqlite').split(',').map((d) => d.trim());
	const sqlite = await makeSqliteTemplate();
	const postgres =
		dialects.includes('postgres') && process.env.TEST_DATABASE_URL
			? await makePostgresTemplate()
			: undefined;
	project.provide('midpointTemplates', { sqlite: sqlite.file, postgres: postgres?.name });
	return async () => {
		sqlite.remove();
		await postgres?.remove();
	};
}
