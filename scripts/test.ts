// `npm test`: every check, in order, then one summary line. Lint, types, a build, the unit and
// integration tests on SQLite and PostgreSQL, and the browser tests (JavaScript on and off).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startPgCluster, type PgCluster } from './pg-cluster.ts';

interface Step {
	name: string;
	ok: boolean;
	seconds: number;
}
const steps: Step[] = [];
const counts = { passed: 0, failed: 0, skipped: 0 };
// Which tests failed, repeated under the summary: CI keeps only the end of the output.
const failures: string[] = [];
const only = process.argv.slice(2); // e.g. `npm test -- unit` runs only the unit tests

function run(
	name: string,
	command: string,
	args: string[],
	env: Record<string, string> = {}
): boolean {
	console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
	const started = Date.now();
	const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	const ok = result.status === 0;
	steps.push({ name, ok, seconds: (Date.now() - started) / 1000 });
	return ok;
}

function check(name: string, command: string, args: string[]) {
	if (run(name, command, args)) counts.passed++;
	else counts.failed++;
}

function vitest(project: string, env: Record<string, string>) {
	const report = path.join(os.tmpdir(), `midpoint-vitest-${project}-${process.pid}.json`);
	const ok = run(
		`${project} tests`,
		'vitest',
		[
			'run',
			'--project',
			project,
			'--reporter=default',
			'--reporter=json',
			`--outputFile.json=${report}`
		],
		env
	);
	if (fs.existsSync(report)) {
		const r = JSON.parse(fs.readFileSync(report, 'utf8'));
		counts.passed += r.numPassedTests;
		counts.failed += r.numFailedTests;
		counts.skipped += r.numPendingTests + r.numTodoTests;
		if (!ok && r.numFailedTests === 0) counts.failed++; // e.g. a file failed to load
		for (const file of r.testResults ?? []) {
			const where = path.relative(process.cwd(), file.name);
			if (file.status === 'failed' && (file.assertionResults ?? []).length === 0)
				failures.push(`${project}: ${where}: ${firstLine(file.message)}`);
			for (const t of file.assertionResults ?? [])
				if (t.status === 'failed')
					failures.push(
						`${project}: ${where} > ${t.fullName}: ${firstLine(t.failureMessages?.[0])}`
					);
		}
		fs.rmSync(report);
	} else if (!ok) counts.failed++;
}

function firstLine(text: string | undefined): string {
	const line = (text ?? '').split('\n').find((l) => l.trim() !== '') ?? '';
	const colour = new RegExp(String.fromCharCode(27) + '\\[[0-9;]*m', 'g'); // the reporter's colours
	return line.replace(colour, '').trim().slice(0, 300);
}

const wants = (name: string) => only.length === 0 || only.includes(name);
let cluster: PgCluster | undefined;
const env: Record<string, string> = { TZ: 'UTC', NODE_ENV: 'test' };
try {
	if (wants('lint')) {
		check('format', 'prettier', ['--check', '.', '--log-level', 'warn']);
		check('lint', 'eslint', ['.']);
	}
	if (wants('types')) {
		run('sync', 'svelte-kit', ['sync']);
		check('types', 'svelte-check', [
			'--tsconfig',
			'./tsconfig.json',
			'--fail-on-warnings',
			'--output',
			'human'
		]);
	}
	if (wants('unit') || wants('e2e')) {
		const dialects = ['sqlite'];
		const given = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
		if (given) {
			env.TEST_DATABASE_URL = given;
			dialects.push('postgres');
		} else {
			cluster = await startPgCluster();
			if (cluster) {
				console.log(`\nStarted a throw-away PostgreSQL cluster at ${cluster.url}`);
				env.TEST_DATABASE_URL = cluster.url;
				dialects.push('postgres');
			} else {
				const bar = '!'.repeat(72);
				if (process.env.MIDPOINT_REQUIRE_POSTGRES === '1') {
					console.error(
						'PostgreSQL is required here (MIDPOINT_REQUIRE_POSTGRES=1) but not installed.'
					);
					process.exit(1);
				}
				console.warn(
					`\n${bar}\n!! PostgreSQL is not installed: the PostgreSQL half of the suite is SKIPPED.\n!! Install it with: sudo apt-get install -y postgresql\n${bar}`
				);
			}
		}
		env.DIALECTS = process.env.DIALECTS ?? dialects.join(',');
	}
	if (wants('unit')) vitest('unit', env);
	if (wants('e2e')) {
		if (run('build', 'vite', ['build', '--logLevel', 'warn'])) vitest('e2e', env);
		else counts.failed++;
	}
} finally {
	cluster?.stop();
}

console.log('\nSteps:');
for (const s of steps)
	console.log(`  ${s.ok ? 'ok  ' : 'FAIL'} ${s.name} (${s.seconds.toFixed(1)} s)`);
if (failures.length > 0) {
	console.log('\nFailed:');
	for (const f of failures) console.log(`  ✗ ${f}`);
}
console.log(
	`\nmidpoint: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`
);
process.exit(counts.failed > 0 || steps.some((s) => !s.ok) ? 1 : 0);
