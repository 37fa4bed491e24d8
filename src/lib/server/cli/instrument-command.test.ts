import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../domain/csv/csv.ts';
import { responsesCsv } from '../../domain/scoring/responses-csv.ts';
import { simulateRespondents } from '../../domain/scoring/simulation.ts';
import { answersScoring, uniformAnswers } from '../../../../tests/factories/answers.ts';
import { runInstrumentCommand } from './instrument-command.ts';

let folder = '';

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

async function file(name: string, text: string): Promise<string> {
	const path = join(folder, name);
	await writeFile(path, text);
	return path;
}

beforeAll(async () => {
	folder = await mkdtemp(join(tmpdir(), 'midpoint-instrument-'));
});
afterAll(async () => {
	await rm(folder, { recursive: true, force: true });
});

describe('midpoint instrument items', () => {
	it('prints all 54 items as CSV with proper quoting', async () => {
		const { code, stdout } = await run('items');
		expect(code).toBe(0);
		const rows = parseCsv(stdout);
		expect(rows[0]).toEqual(['id', 'domain', 'scale', 'reversed', 'text']);
		expect(rows).toHaveLength(55);
		expect(rows[6]).toEqual([
			'FAM_DEP_6',
			'FAM',
			'DEP',
			'true',
			expect.stringMatching(/^In the past month, I/)
		]);
		expect(stdout).toContain('"In the past month, ');
	});
});

describe('midpoint instrument score', () => {
	it('scores each respondent: positions, balances, flags', async () => {
		const rows = [
			{ respondent: 'Ada "A", Lovelace', answers: { ...uniformAnswers(3), ATTN_1: 4 } },
			{
				respondent: 'lean-in',
				answers: { ...answersScoring({ FAM_DEP: 5, FAM_IND: 1, FAM_MUT: 3 }), ATTN_1: 2 }
			}
		];
		const { code, stdout, stderr } = await run('score', await file('two.csv', responsesCsv(rows)));
		expect(stderr).toBe('');
		expect(code).toBe(0);
		expect(parseCsv(stdout)).toEqual([
			['respondent', 'P_FAM', 'P_FRI', 'P_TEAM', 'P', 'B_FAM', 'B_FRI', 'B_TEAM', 'B', 'flags'],
			[
				'Ada "A", Lovelace',
				'0.00',
				'0.00',
				'0.00',
				'0.00',
				'50.00',
				'50.00',
				'50.00',
				'50.00',
				// A straight line also repeats at every distance, so it reads as a pattern too.
				'longstring;low-spread;repeating-pattern'
			],
			['lean-in', '100.00', '', '', '100.00', '50.00', '', '', '50.00', 'attention-missed']
		]);
	});

	it('matches the in-process simulation for many people and flags a blank attention line', async () => {
		const people = simulateRespondents({
			respondents: 50,
			seed: 4,
			missingRate: 0.03,
			attention: true
		});
		people[0]!.answers.ATTN_1 = undefined;
		const csv = responsesCsv(
			people.map((person, i) => ({ respondent: `p${i}`, answers: person.answers }))
		);
		const { code, stdout } = await run('score', await file('many.csv', csv));
		expect(code).toBe(0);
		const rows = parseCsv(stdout);
		expect(rows).toHaveLength(51);
		expect(rows[1]![9]).toContain('attention-missed');
		for (const row of rows.slice(1)) {
			for (const value of row.slice(1, 9)) expect(value).toMatch(/^(-?\d+\.\d\d)?$/);
		}
	});
});

describe('midpoint instrument reliability', () => {
	it('prints n and alpha with 10 decimals for the nine cells', async () => {
		const people = simulateRespondents({ respondents: 400, seed: 6, missingRate: 0.02 });
		const csv = responsesCsv(
			people.map((person, i) => ({ respondent: `p${i}`, answers: person.answers }))
		);
		const { code, stdout } = await run('reliability', await file('alpha.csv', csv));
		expect(code).toBe(0);
		const rows = parseCsv(stdout);
		expect(rows[0]).toEqual(['cell', 'n', 'alpha']);
		expect(rows.slice(1).map((row) => row[0])).toEqual([
			'FAM_DEP',
			'FAM_IND',
			'FAM_MUT',
			'FRI_DEP',
			'FRI_IND',
			'FRI_MUT',
			'TEAM_DEP',
			'TEAM_IND',
			'TEAM_MUT'
		]);
		for (const [, n, alpha] of rows.slice(1)) {
			expect(Number(n)).toBeGreaterThan(300);
			expect(alpha).toMatch(/^0\.\d{10}$/);
			expect(Number(alpha)).toBeGreaterThan(0.75);
		}
	});
});

describe('help and usage', () => {
	it('prints help for the command and each subcommand', async () => {
		const top = await run('--help');
		expect(top).toMatchObject({ code: 0, stderr: '' });
		expect(top.stdout).toContain('Usage: midpoint instrument <command>');
		for (const command of ['items', 'score', 'reliability', 'norms']) {
			const result = await run(command, '--help');
			expect(result.code).toBe(0);
			expect(result.stdout).toContain(`Usage: midpoint instrument ${command}`);
		}
	});

	it('refuses an unknown command, a missing file argument and extra arguments', async () => {
		expect(await run('frobnicate')).toMatchObject({
			code: 2,
			stdout: '',
			stderr: expect.stringContaining('Unknown command "frobnicate"')
		});
		expect(await run('score')).toMatchObject({
			code: 2,
			stdout: '',
			stderr: expect.stringContaining('Give the responses file')
		});
		expect(await run('items', 'extra')).toMatchObject({
			code: 2,
			stdout: '',
			stderr: expect.stringContaining('Unexpected argument: extra')
		});
		expect((await run()).code).toBe(2);
	});
});

describe('bad input', () => {
	const valid = () => responsesCsv([{ respondent: 'r1', answers: uniformAnswers(3) }]);
	const cases: [string, () => string, RegExp][] = [
		[
			'an unknown column',
			() => valid().replace('FAM_DEP_2', 'FAM_DEP_X'),
			/Row 1, column FAM_DEP_X: unknown column/
		],
		[
			'an answer outside 1–5',
			() => valid().replace('r1,3', 'r1,0'),
			/Row 2, column FAM_DEP_1: "0" is not an answer/
		],
		[
			'an answer that is not a whole number',
			() => valid().replace('r1,3', 'r1,three'),
			/Row 2, column FAM_DEP_1: "three" is not an answer/
		],
		[
			'a row with too few answers',
			() => 'respondent,FAM_DEP_1,FAM_DEP_2\nr1,3,3\n',
			/Row 2: too few answers to score anything/
		],
		[
			'no respondent column',
			() => valid().replace('respondent', 'name'),
			/Row 1: there is no "respondent" column/
		]
	];
	for (const [name, text, message] of cases) {
		it(`refuses ${name} in score and reliability, printing nothing to stdout`, async () => {
			const path = await file('bad.csv', text());
			for (const command of ['score', 'reliability']) {
				const result = await run(command, path);
				expect(result.code).toBe(1);
				expect(result.stdout).toBe('');
				expect(result.stderr).toMatch(message);
			}
		});
	}

	it('refuses a missing file with a clear message', async () => {
		const result = await run('score', join(folder, 'nowhere.csv'));
		expect(result).toMatchObject({ code: 1, stdout: '' });
		expect(result.stderr).toMatch(/Cannot read .*nowhere\.csv: no such file\./);
	});
});
