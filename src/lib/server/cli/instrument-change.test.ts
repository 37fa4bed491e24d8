import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../domain/csv/csv.ts';
import {
	CHANGE_STUDY_SEED,
	POSITION_SD,
	shiftForPoints,
	simulateSittings
} from '../../domain/scoring/change-study.ts';
import { PROJECT_MODEL } from '../../domain/scoring/responders.ts';
import { responsesCsv } from '../../domain/scoring/responses-csv.ts';
import { simulateRespondents } from '../../domain/scoring/simulation.ts';
import { runInstrumentCommand } from './instrument-command.ts';

let folder = '';
beforeAll(async () => {
	folder = await mkdtemp(join(tmpdir(), 'midpoint-change-'));
});
afterAll(async () => {
	await rm(folder, { recursive: true, force: true });
});

async function run(...args: string[]) {
	let stdout = '';
	let stderr = '';
	const code = await runInstrumentCommand(args, {
		stdout: (text) => void (stdout += text),
		stderr: (text) => void (stderr += text),
		readFile: (path) => readFile(path, 'utf8')
	});
	return { code, stdout, stderr };
}

type Rows = { respondent: string; answers: Record<string, number | undefined> }[];
async function file(name: string, rows: Rows): Promise<string> {
	const path = join(folder, name);
	await writeFile(path, responsesCsv(rows));
	return path;
}
const named = (answers: Record<string, number | undefined>[]): Rows =>
	answers.map((a, i) => ({ respondent: `p${i}`, answers: a }));

/** Runs `instrument change` on two sittings and returns the RCIs it printed. */
async function rcis(pair: ReturnType<typeof simulateSittings>, tag: string): Promise<number[]> {
	const before = await file(`${tag}-before.csv`, named(pair.before));
	const after = await file(`${tag}-after.csv`, named(pair.after));
	const { code, stdout, stderr } = await run('change', before, after);
	expect(stderr).toBe('');
	expect(code).toBe(0);
	const [header, ...rows] = parseCsv(stdout);
	expect(header).toEqual([
		'respondent',
		'P_before',
		'P_after',
		'difference',
		'SEM_before',
		'SEM_after',
		'RCI',
		'verdict'
	]);
	expect(rows).toHaveLength(pair.before.length);
	return rows.map((row) => {
		const rci = Number(row[6]);
		// The printed verdict follows the app's rule for the printed RCI.
		const verdict =
			Math.abs(rci) > 1.96 ? 'reliable' : Math.abs(rci) > 1.645 ? 'likely' : 'within-noise';
		expect(row[7]).toBe(verdict);
		expect(Number(row[3])).toBeCloseTo(Number(row[2]) - Number(row[1]), 1);
		return rci;
	});
}
const share = (values: number[], limit: number) =>
	values.filter((value) => Math.abs(value) > limit).length / values.length;

describe('midpoint instrument change', () => {
	it('keeps its promise when nothing changed: about 5% beyond 1.96 and 10% beyond 1.645', async () => {
		const pair = simulateSittings({ people: 2_000, seed: CHANGE_STUDY_SEED, shift: 0 });
		const values = await rcis(pair, 'same');
		expect(share(values, 1.96)).toBeGreaterThanOrEqual(0.03);
		expect(share(values, 1.96)).toBeLessThanOrEqual(0.07);
		expect(share(values, 1.645)).toBeGreaterThanOrEqual(0.07);
		expect(share(values, 1.645)).toBeLessThanOrEqual(0.13);
		// No drift: the mean RCI sits near 0.
		expect(Math.abs(values.reduce((s, v) => s + v, 0) / values.length)).toBeLessThan(0.08);
	});

	it('calls three in four a real change when the true position moved by one SD', async () => {
		const traits = simulateRespondents({ respondents: 500, seed: 5 }).map((p) => p.traits);
		const shift = shiftForPoints(traits, PROJECT_MODEL.parameters, POSITION_SD);
		const pair = simulateSittings({ people: 2_000, seed: CHANGE_STUDY_SEED, shift });
		const values = await rcis(pair, 'moved');
		// scripts/change-study.ts at 20,000 people: 74.6% beyond 1.96, 82.5% beyond 1.645.
		expect(share(values, 1.96)).toBeGreaterThan(0.7);
		expect(share(values, 1.96)).toBeLessThan(0.8);
		expect(values.filter((value) => value < -1.96).length).toBeLessThan(5);
	});
});

describe('midpoint instrument help', () => {
	it('lists change and validate, and explains each', async () => {
		const overview = await run('--help');
		expect(overview.code).toBe(0);
		expect(overview.stdout).toContain('change BEFORE.csv AFTER.csv');
		expect(overview.stdout).toContain('validate FILE.csv');
		const change = await run('change', '--help');
		expect(change.stdout).toContain('--matched-only');
		expect(change.stdout).toContain('reliable      |RCI| > 1.96');
		const wrong = await run('score', 'x.csv', '--matched-only');
		expect(wrong.code).toBe(2);
		expect(wrong.stderr).toContain('Unexpected argument: --matched-only');
	});
});

describe('midpoint instrument change refuses files that do not pair up', () => {
	const people = simulateRespondents({ respondents: 8, seed: 3, attention: true });
	const rows = named(people.map((p) => p.answers));

	it('names respondents found in only one file, exits 2 and prints nothing', async () => {
		const before = await file('b.csv', rows);
		const after = await file('a.csv', [...rows.slice(0, 6), { ...rows[6]!, respondent: 'P6' }]);
		const { code, stdout, stderr } = await run('change', before, after);
		expect(code).toBe(2);
		expect(stdout).toBe('');
		expect(stderr).toContain(`Only in ${before}: "p6", "p7".`);
		expect(stderr).toContain(`Only in ${after}: "P6".`);
		expect(stderr).toContain('--matched-only');
		const matched = await run('change', before, after, '--matched-only');
		expect(matched.code).toBe(0);
		expect(parseCsv(matched.stdout)).toHaveLength(7);
		expect(matched.stderr).toBe('Compared 6 people; 3 in only one file were left out.\n');
	});

	it('refuses files with no one in common even with --matched-only', async () => {
		const before = await file('b2.csv', rows.slice(0, 3));
		const after = await file('a2.csv', rows.slice(3));
		const { code, stdout, stderr } = await run('change', before, after, '--matched-only');
		expect(code).toBe(2);
		expect(stdout).toBe('');
		expect(stderr).toContain(`No respondent appears in both ${before} and ${after}`);
	});

	it('names the items only one file asks', async () => {
		const before = await file('b3.csv', rows);
		const fewer = responsesCsv(rows)
			.split('\n')
			.map((line) => line.split(',').slice(0, -2).join(','))
			.join('\n');
		const after = join(folder, 'a3.csv');
		await writeFile(after, fewer);
		const { code, stdout, stderr } = await run('change', before, after);
		expect(code).toBe(2);
		expect(stdout).toBe('');
		expect(stderr).toContain(`only ${before} has "TEAM_MUT_6", "ATTN_1"`);
	});

	it('names a respondent who appears twice', async () => {
		const before = await file('b4.csv', [...rows, rows[2]!]);
		const after = await file('a4.csv', rows);
		const { code, stderr } = await run('change', before, after);
		expect(code).toBe(2);
		expect(stderr).toContain(`${before}: respondent "p2" appears on rows 4 and 10`);
	});

	it('exits 1 for a bad row or a missing file, naming which file, and 2 for one file only', async () => {
		const good = await file('good.csv', rows);
		const bad = join(folder, 'bad.csv');
		await writeFile(bad, responsesCsv(rows).replace(/\n(p0,)\d,/, '\n$17,'));
		const badRun = await run('change', good, bad);
		expect(badRun.code).toBe(1);
		expect(badRun.stdout).toBe('');
		expect(badRun.stderr).toContain(`${bad}: Row 2, column FAM_DEP_1: "7" is not an answer.`);
		const missing = await run('change', good, join(folder, 'nope.csv'));
		expect(missing.code).toBe(1);
		expect(missing.stderr).toContain('nope.csv: no such file');
		const one = await run('change', good);
		expect(one.code).toBe(2);
		expect(one.stderr).toContain('Give two responses files');
	});
});
