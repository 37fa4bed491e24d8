import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CELLS } from '../../content/instrument/codes.ts';
import { responsesCsv } from '../../domain/scoring/responses-csv.ts';
import { simulateRespondents } from '../../domain/scoring/simulation.ts';
import { uniformAnswers } from '../../../../tests/factories/answers.ts';
import { rPackageProblem } from '../r/rscript.ts';
import { runInstrumentCommand } from './instrument-command.ts';

/**
 * `instrument validate`. The refusals run everywhere; the lavaan fit needs R with lavaan and is
 * skipped loudly without it, unless REQUIRE_R=1 (CI), which turns a skip into a failure.
 */
const required = process.env.REQUIRE_R === '1';
const rscript = process.env.RSCRIPT ?? 'Rscript';
const problem = rPackageProblem('lavaan', rscript);
if (problem && !required) {
	console.warn(
		`\n!!! SKIPPED: lavaan factor analysis — ${problem}.\n` +
			'!!! Install R and lavaan (apt-get install r-base-core r-cran-lavaan), or set REQUIRE_R=1 to fail.\n'
	);
}

let folder = '';
beforeAll(async () => {
	folder = await mkdtemp(join(tmpdir(), 'midpoint-validate-'));
});
afterAll(async () => {
	await rm(folder, { recursive: true, force: true });
});

async function run(path: string, options: { rscript?: string } = {}) {
	let stdout = '';
	let stderr = '';
	const code = await runInstrumentCommand(['validate', path], {
		stdout: (text) => void (stdout += text),
		stderr: (text) => void (stderr += text),
		readFile: (p) => readFile(p, 'utf8'),
		rscript: options.rscript ?? rscript
	});
	return { code, stdout, stderr };
}

type Answers = Record<string, number | undefined>;
async function file(name: string, answers: Answers[]): Promise<string> {
	const path = join(folder, name);
	await writeFile(path, responsesCsv(answers.map((a, i) => ({ respondent: `p${i}`, answers: a }))));
	return path;
}
const simulated = (n: number, seed: number): Answers[] =>
	simulateRespondents({ respondents: n, seed, attention: true }).map((p) => p.answers);

/** Reads "CFI      0.994   >= .95" style lines back into numbers. */
function fit(stdout: string, label: string): number {
	const match = new RegExp(`^${label} +([0-9.]+)`, 'm').exec(stdout);
	if (!match) throw new Error(`No ${label} line in:\n${stdout}`);
	return Number(match[1]);
}

describe('midpoint instrument validate refuses data it cannot judge', () => {
	it('needs 200 usable rows, and says how many were left out and why', async () => {
		const straight = Array.from({ length: 10 }, () => ({ ...uniformAnswers(3), ATTN_1: 4 }));
		const path = await file('few.csv', [...simulated(195, 1), ...straight]);
		const { code, stdout, stderr } = await run(path);
		expect(code).toBe(1);
		expect(stdout).toBe('');
		// The ten straight lines, and five of the 195 honest simulated people (2.6%).
		expect(stderr).toContain(
			'Only 190 of 205 rows are usable (0 have a blank item, 15 have a quality flag); the factor analysis needs at least 200.'
		);
	});

	it('names an item that has the same answer in every row', async () => {
		const rows = simulated(260, 2).map((answers) => ({ ...answers, FRI_MUT_3: 4 }));
		const { code, stdout, stderr } = await run(await file('constant.csv', rows));
		expect(code).toBe(1);
		expect(stdout).toBe('');
		expect(stderr).toContain('Column FRI_MUT_3 is 4 in every usable row');
	});

	it('names item columns the model needs but the file lacks', async () => {
		const rows = simulated(230, 6).map((answers) => {
			const copy = { ...answers };
			delete copy.TEAM_IND_2;
			return copy;
		});
		const path = join(folder, 'lacking.csv');
		const csv = responsesCsv(rows.map((a, i) => ({ respondent: `p${i}`, answers: a })));
		// Drop the TEAM_IND_2 column itself, not just its answers.
		const header = csv.slice(0, csv.indexOf('\n')).split(',');
		const drop = header.indexOf('TEAM_IND_2');
		const lines = csv
			.trimEnd()
			.split('\n')
			.map((line) =>
				line
					.split(',')
					.filter((_, i) => i !== drop)
					.join(',')
			);
		await writeFile(path, lines.join('\n') + '\n');
		const { code, stdout, stderr } = await run(path);
		expect(code).toBe(1);
		expect(stdout).toBe('');
		expect(stderr).toContain('The file lacks item columns the model needs: TEAM_IND_2.');
	});

	it('says plainly when R cannot be found', async () => {
		const path = await file('enough.csv', simulated(220, 3));
		const { code, stdout, stderr } = await run(path, { rscript: join(folder, 'no-such-rscript') });
		expect(code).toBe(1);
		expect(stdout).toBe('');
		expect(stderr).toMatch(/^midpoint instrument validate needs R: R is not installed here/);
	});
});

describe('midpoint instrument validate with lavaan', () => {
	const skip = problem !== null && !required;

	it.skipIf(skip)(
		'fits simulated data well: CFI ≥ .95, RMSEA ≤ .06',
		{ timeout: 120_000 },
		async () => {
			if (problem) throw new Error(`REQUIRE_R=1 but ${problem}.`);
			const { code, stdout, stderr } = await run(await file('good.csv', simulated(700, 4)));
			expect(stderr).toBe('');
			expect(code).toBe(0);
			expect(fit(stdout, 'CFI')).toBeGreaterThanOrEqual(0.95);
			expect(fit(stdout, 'TLI')).toBeGreaterThanOrEqual(0.95);
			expect(fit(stdout, 'RMSEA')).toBeLessThanOrEqual(0.06);
			expect(fit(stdout, 'SRMR')).toBeLessThanOrEqual(0.08);
			for (const cell of CELLS) {
				// alpha, omega and six item-total correlations, all clearly positive.
				const line = new RegExp(`^${cell} +(.*)$`, 'm').exec(stdout)![1]!.trim().split(/ +/);
				expect(
					line.map(Number).every((value) => value > 0.4 && value < 1),
					line.join(' ')
				).toBe(true);
				expect(line).toHaveLength(8);
			}
		}
	);

	it.skipIf(skip)(
		'fits badly when items are scored under the wrong scales',
		{ timeout: 120_000 },
		async () => {
			if (problem) throw new Error(`REQUIRE_R=1 but ${problem}.`);
			// Swap items 1–3 of each cell with the next cell's: every factor now mixes two traits.
			const mixed = simulated(700, 5).map((answers) => {
				const copy = { ...answers };
				CELLS.forEach((cell, i) => {
					const next = CELLS[(i + 1) % CELLS.length];
					for (const n of [1, 2, 3]) copy[`${cell}_${n}`] = answers[`${next}_${n}`];
				});
				return copy;
			});
			const { code, stdout } = await run(await file('mixed.csv', mixed));
			expect(code).toBe(0);
			expect(fit(stdout, 'CFI')).toBeLessThan(0.9);
			expect(fit(stdout, 'RMSEA')).toBeGreaterThan(0.06);
		}
	);
});
