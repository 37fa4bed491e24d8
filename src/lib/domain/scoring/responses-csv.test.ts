import { describe, expect, it } from 'vitest';
import { formatProblem, parseResponsesCsv, responsesCsv } from './responses-csv.ts';
import { simulateRespondents } from './simulation.ts';
import { uniformAnswers } from '../../../../tests/factories/answers.ts';

const problemsOf = (text: string) => {
	const parsed = parseResponsesCsv(text);
	return parsed.ok ? [] : parsed.problems.map(formatProblem);
};

describe('responses CSV', () => {
	it('reads back the answers it writes, blanks as missing', () => {
		const people = simulateRespondents({
			respondents: 5,
			seed: 2,
			missingRate: 0.1,
			attention: true
		});
		const rows = people.map((person, i) => ({
			respondent: `person, ${i}`,
			answers: person.answers
		}));
		const parsed = parseResponsesCsv(responsesCsv(rows));
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		expect(parsed.hasAttention).toBe(true);
		expect(parsed.rows.map((row) => row.respondent)).toEqual(rows.map((row) => row.respondent));
		expect(parsed.rows[3]!.row).toBe(5);
		for (const [i, row] of parsed.rows.entries()) {
			for (const [id, value] of Object.entries(people[i]!.answers))
				expect(row.answers[id]).toBe(value);
		}
	});

	it('accepts a file with only some domains, and without the attention column', () => {
		const answers = uniformAnswers(2);
		const ids = Object.keys(answers).filter((id) => id.startsWith('FRI_'));
		const text = `respondent,${ids.join(',')}\nr1,${ids.map(() => 2).join(',')}\n`;
		const parsed = parseResponsesCsv(text);
		expect(parsed).toMatchObject({ ok: true, hasAttention: false });
	});

	it('names the row and column of an answer outside 1–5 or not a whole number', () => {
		const text = responsesCsv([
			{ respondent: 'a', answers: uniformAnswers(3) },
			{ respondent: 'b', answers: { ...uniformAnswers(3), FRI_MUT_4: 6 } },
			{ respondent: 'c', answers: { ...uniformAnswers(3), TEAM_IND_2: 2.5 } }
		]);
		expect(problemsOf(text)).toEqual([
			'Row 3, column FRI_MUT_4: "6" is not an answer. Use a whole number from 1 to 5, or leave it empty.',
			'Row 4, column TEAM_IND_2: "2.5" is not an answer. Use a whole number from 1 to 5, or leave it empty.'
		]);
	});

	it('names an unknown column and a missing respondent column', () => {
		expect(problemsOf('respondent,FAM_DEP_1,FAM_DEP_9\n')).toEqual([
			'Row 1, column FAM_DEP_9: unknown column. Use "respondent" and item ids such as FAM_DEP_1 or ATTN_1.'
		]);
		expect(problemsOf('person,FAM_DEP_1\nx,3\n')[1]).toBe(
			'Row 1: there is no "respondent" column in the header.'
		);
	});

	it('refuses a row with too few answers to score any cell', () => {
		const answers = { ...uniformAnswers(3) };
		for (const id of Object.keys(answers))
			if (!id.endsWith('_1') && !id.endsWith('_2')) answers[id] = undefined;
		const problems = problemsOf(responsesCsv([{ respondent: 'thin', answers }]));
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(/^Row 2: too few answers to score anything/);
	});

	it('refuses ragged rows, an empty respondent, an empty file and a broken quote', () => {
		expect(problemsOf('respondent,FAM_DEP_1\nr1,3,4\n')).toEqual([
			'Row 2: this row has 3 fields but the header has 2.'
		]);
		expect(problemsOf(responsesCsv([{ respondent: '', answers: uniformAnswers(3) }]))).toEqual([
			'Row 2, column respondent: the respondent is empty.'
		]);
		expect(problemsOf('')).toEqual(['Row 1: the file is empty; it needs a header row.']);
		expect(problemsOf('respondent,FAM_DEP_1\n"r1,3\n')).toEqual([
			'Row 2: a quoted field is never closed.'
		]);
	});

	it('skips blank lines and stops listing after 20 problems', () => {
		const good = responsesCsv([{ respondent: 'a', answers: uniformAnswers(3) }]);
		expect(parseResponsesCsv(`${good}\n\n`).ok).toBe(true);
		const bad = responsesCsv(
			Array.from({ length: 30 }, (_, i) => ({
				respondent: `r${i}`,
				answers: { ...uniformAnswers(3), FAM_DEP_1: 9 }
			}))
		);
		const problems = problemsOf(bad);
		expect(problems).toHaveLength(21);
		expect(problems.at(-1)).toMatch(/stopped after 20 problems/);
	});
});
