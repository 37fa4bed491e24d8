import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { buildMarkerPlugin } from './scripts/build-marker.ts';

export default defineConfig({
	plugins: [sveltekit(), buildMarkerPlugin()],
	server: { port: 3000 },
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.test.ts', 'tests/**/*.test.ts', 'bin/**/*.test.ts'],
					environment: 'node',
					env: { TZ: 'UTC' },
					globalSetup: ['tests/support/global-setup.ts'],
					expect: { requireAssertions: true },
					// Most of a test's time is spent waiting on a database or a child process, not on
					// this CPU: on 2 cores vitest's default (cores − 1 = one file at a time) leaves it idle.
					maxWorkers: 3,
					testTimeout: 30_000,
					hookTimeout: 60_000
				}
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.e2e.ts'],
					// Pages hydrate and mail arrives on their own time; a loaded CI machine is slower.
					expect: { poll: { timeout: 10_000, interval: 100 }, requireAssertions: true },
					environment: 'node',
					globalSetup: ['tests/support/global-setup.ts'],
					// Two files at a time: each runs its own server, browser and databases, and a file
					// spends most of its time waiting on them (the browser project: 820 s one at a time,
					// 605 s two at a time; three at a time left each test twice as slow as alone).
					fileParallelism: true,
					maxWorkers: 2,
					testTimeout: 120_000,
					hookTimeout: 120_000
				}
			}
		]
	}
});
