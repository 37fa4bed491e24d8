import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';
import { builtinModules } from 'node:module';

/** One group of imports a layer may not use, matched on the import's text (relative or aliased). */
const serverCode = {
	regex: String.raw`^\$lib/server(/|$)|(^|/)lib/server(/|$)|^(\.\./)+server(/|$)`,
	message: 'Server code stays on the server: pass what is needed as data from a load.'
};
const routeCode = {
	regex: String.raw`(^|/)routes(/|$)`,
	message: 'Nothing imports route code: routes call into lib, never the other way.'
};
const ioAndFramework = {
	regex: String.raw`^(node:|(${builtinModules.join('|')}|pg|pg-[\w-]+|better-sqlite3|kysely|@sveltejs/kit)(/|$))`,
	message: 'Domain code is pure: no I/O, database or framework imports.'
};
const repositories = {
	regex: String.raw`(^|/)[\w-]*repository(\.[jt]s)?$`,
	message:
		'Routes reach data through a use-case (src/lib/server/<feature>/verb-noun.ts), not a repository.'
};
const database = {
	regex: String.raw`^\$lib/server/db(/|$)|(^|/)lib/server/db(/|$)|^(pg|better-sqlite3|kysely)(/|$)`,
	message: 'Routes reach data through a use-case, never the database module or a driver.'
};

/** A layer's rule. Later blocks replace earlier ones for a file, so the file sets stay apart. */
function restrict(files, ...groups) {
	return { files, rules: { 'no-restricted-imports': ['error', { patterns: groups }] } };
}

export default ts.config(
	{
		ignores: ['build/', '.svelte-kit/', 'node_modules/', 'data/', 'coverage/', 'bench/empty-kit/']
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			// Midpoint is served from the root of its origin (no kit.paths.base), so plain hrefs are right.
			'svelte/no-navigation-without-resolve': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	// The layers, checked: domain code does no I/O, routes reach the database only through
	// use-cases, and nothing sent to the browser imports server code. See decision 0019.
	restrict(['src/lib/domain/**/*.ts'], serverCode, routeCode, ioAndFramework),
	restrict(['src/lib/server/**/*.ts'], routeCode),
	restrict(['src/routes/**/*.ts', 'src/routes/**/*.js'], repositories, database),
	// Last, so it wins for route components too (their only server access would be these).
	restrict(['src/lib/components/**', '**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'], serverCode)
);
