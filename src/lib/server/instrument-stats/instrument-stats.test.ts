import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { FACTORY_PASSWORD, buildClient, buildCoach } from '../../../../tests/factories/accounts.ts';
import { instrumentItems } from '../../content/instrument/instrument.ts';
import type { Actor } from '../../domain/policies.ts';
import { instrumentStatistics } from '../../domain/scoring/item-statistics.ts';
import { CANONICAL_ITEM_IDS } from '../../domain/scoring/item-layout.ts';
import { parseResponsesCsv, responsesCsv } from '../../domain/scoring/responses-csv.ts';
import { getAssessmentPage, selfPages } from '../assessments/get-assessment-page.ts';
import { saveAssessmentPage } from '../assessments/save-assessment-page.ts';
import { startAssessment } from '../assessments/start-assessment.ts';
import { logIn } from '../auth/log-in.ts';
import { resolveSession } from '../auth/sessions.ts';
import { runInstrumentCommand } from '../cli/instrument-command.ts';
import { addMembership } from '../practices/repository.ts';
import { exportPracticeResponses } from './export-practice-responses.ts';
import { getInstrumentStatistics } from './get-instrument-statistics.ts';
import { rekey } from '../../domain/scoring/reverse-keying.ts';

type RawAnswers = Record<string, number>;

function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * Raw answers of one made-up person: a level per scale and a lean per domain, plus noise, so the
 * items of a cell hang together the way real answers do. Item 6 is answered the other way round.
 */
function personAnswers(seed: number, attention = 4): RawAnswers {
	const next = random(seed);
	const level = { DEP: 1.5 + 2 * next(), IND: 1.5 + 2 * next(), MUT: 2 + 2.5 * next() };
	const lean = { FAM: next() - 0.5, FRI: next() - 0.5, TEAM: next() - 0.5 };
	const answers: RawAnswers = { ATTN_1: attention };
	for (const item of instrumentItems) {
		const felt = level[item.scale] + lean[item.domain] + (next() - 0.5) * 1.6;
		const value = Math.min(5, Math.max(1, Math.round(felt)));
		answers[item.id] = rekey(value, item.reversed);
	}
	return answers;
}

const sortedRows = (rows: readonly Record<string, unknown>[]) =>
	rows.map((row) => JSON.stringify(Object.entries(row).sort())).sort();

describe.each(testDialects())('instrument statistics for a practice on %s', (dialect) => {
	let t: TestContext;
	let logins = 0;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});

	async function actorFor(email: string): Promise<Actor> {
		logins++;
		const address = `10.0.${Math.floor(logins / 250)}.${logins % 250}`;
		const session = await logIn(t.ctx, { email, password: FACTORY_PASSWORD, address });
		return (await resolveSession(t.ctx, session.token))!.actor;
	}

	/**
	 * Takes the whole assessment through the real use-cases, as a person does: each page is
	 * shown, read for a minute and saved; lines missing from `answers` are left blank on purpose.
	 */
	async function takeWhole(actor: Actor, answers: RawAnswers): Promise<string> {
		const { id } = await startAssessment(t.ctx, { userId: actor.userId });
		for (let page = 0; page < selfPages.length; page++) {
			await getAssessmentPage(t.ctx, { actor, assessmentId: id, page });
			t.clock.advance(60_000);
			const lines = selfPages[page]!.filter((line) => answers[line.id] !== undefined);
			await saveAssessmentPage(t.ctx, {
				actor,
				assessmentId: id,
				page,
				answers: Object.fromEntries(lines.map((line) => [line.id, String(answers[line.id])])),
				confirmSkip: lines.length < selfPages[page]!.length
			});
		}
		return id;
	}

	/**
	 * A practice with 11 counted clients (one of them retook the assessment after a flagged first
	 * go), one client whose result is flagged, one who left too many lines blank to score, one with
	 * an unfinished assessment, one whose result is from an earlier version of the questions, and a
	 * client of another practice.
	 */
	async function seedPractice() {
		const coach = await buildCoach(t.ctx, { name: 'Imogen Adminworth' });
		const clients: { email: string; name: string }[] = [];
		const counted: RawAnswers[] = [];
		const assessmentIds: string[] = [];
		const client = async (name: string, owner = coach) => {
			const built = await buildClient(t.ctx, { coach: owner, name });
			clients.push(built);
			return actorFor(built.email);
		};
		for (let i = 1; i <= 11; i++) {
			const actor = await client(`Marguerite Okonkwo ${i}`);
			if (i === 1) {
				assessmentIds.push(await takeWhole(actor, personAnswers(101, 1)));
				t.clock.advance(30 * 24 * 3600_000);
			}
			counted.push(personAnswers(i));
			assessmentIds.push(await takeWhole(actor, counted.at(-1)!));
		}
		const flagged = personAnswers(50, 1); // missed the attention check
		assessmentIds.push(await takeWhole(await client('Fenella Flagg'), flagged));
		const sparse = personAnswers(80);
		for (const id of Object.keys(sparse)) if (/_[56]$/.test(id)) delete sparse[id];
		assessmentIds.push(await takeWhole(await client('Sebastian Skipwell'), sparse));
		const unfinished = await client('Ulysses Halfway');
		await startAssessment(t.ctx, { userId: unfinished.userId });
		const older = await client('Octavia Olderform');
		assessmentIds.push(await takeWhole(older, personAnswers(70)));
		await t.ctx.db
			.updateTable('assessments')
			.set({ instrument_version: 'v0' })
			.where('user_id', '=', older.userId)
			.execute();
		const otherCoach = await buildCoach(t.ctx, { name: 'Oswald Elsewhere' });
		await takeWhole(await client('Elsie Elsewhere', otherCoach), personAnswers(60));
		return {
			coach,
			admin: await actorFor(coach.email),
			clients,
			counted,
			flagged,
			assessmentIds
		};
	}

	it('counts each client once, from their latest unflagged result, with the same numbers as the statistics of those answers', async () => {
		const { admin, coach, counted, flagged } = await seedPractice();
		const view = await getInstrumentStatistics(t.ctx, {
			actor: admin,
			practiceId: coach.practiceId
		});
		expect(view).toMatchObject({ respondents: 11, leftOutFlagged: 1, leftOutUnscorable: 1 });

		const expected = instrumentStatistics(counted);
		expect(view.cells.map((cell) => cell.cell)).toEqual(expected.map((cell) => cell.cell));
		view.cells.forEach((cell, c) => {
			const want = expected[c]!;
			expect(cell.n).toBe(11);
			expect(cell.alpha).not.toBeNull();
			expect(cell.alpha!).toBeCloseTo(want.alpha!, 12);
			cell.items.forEach((item, i) => {
				const wantItem = want.items[i]!;
				expect(item.id).toBe(wantItem.id);
				expect(item.n).toBe(11);
				for (const key of ['mean', 'sd', 'itemTotal', 'alphaIfDeleted'] as const) {
					expect(item[key], `${item.id} ${key}`).toBeCloseTo(wantItem[key]!, 12);
				}
			});
		});
		// Had the flagged result been counted, the numbers would differ.
		const withFlagged = instrumentStatistics([...counted, flagged]);
		expect(withFlagged[0]!.alpha).not.toBeCloseTo(view.cells[0]!.alpha!, 6);

		const first = view.cells[0]!;
		expect(first).toMatchObject({ cell: 'FAM_DEP', domain: 'Family', scale: 'Relying on others' });
		const text = new Map(instrumentItems.map((item) => [item.id, item.text]));
		for (const item of first.items) expect(item.text).toBe(text.get(item.id));
		expect(first.items.map((item) => item.reversed)).toEqual([
			false,
			false,
			false,
			false,
			false,
			true
		]);
	});

	it('refuses the statistics and the download to everyone but the practice admin', async () => {
		const coach = await buildCoach(t.ctx);
		const client = await buildClient(t.ctx, { coach });
		const otherAdmin = await buildCoach(t.ctx);
		const colleague = await buildCoach(t.ctx);
		await addMembership(t.ctx.db, {
			id: randomUUID(),
			practiceId: coach.practiceId,
			userId: colleague.userId,
			role: 'coach',
			at: t.ctx.now().toISOString()
		});
		const input = (actor: Actor) => ({ actor, practiceId: coach.practiceId });
		for (const email of [client.email, otherAdmin.email, colleague.email]) {
			const actor = await actorFor(email);
			await expect(getInstrumentStatistics(t.ctx, input(actor))).rejects.toMatchObject({
				code: 'forbidden'
			});
			await expect(exportPracticeResponses(t.ctx, input(actor))).rejects.toMatchObject({
				code: 'forbidden'
			});
		}
		const admin = await actorFor(coach.email);
		await expect(getInstrumentStatistics(t.ctx, input(admin))).resolves.toHaveProperty(
			'respondents',
			0
		);
	});

	it('downloads one pseudonymous row per counted client, which the CLI reads to the same alphas', async () => {
		const { admin, coach, clients, counted, assessmentIds } = await seedPractice();
		const input = { actor: admin, practiceId: coach.practiceId };
		const csv = await exportPracticeResponses(t.ctx, input);
		const lines = csv.trimEnd().split('\n');

		expect(lines[0]).toBe(['respondent', ...CANONICAL_ITEM_IDS, 'ATTN_1'].join(','));
		expect(lines[0]).toBe(responsesCsv([]).trimEnd());
		expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(
			Array.from({ length: 11 }, (_, i) => `R${String(i + 1).padStart(3, '0')}`)
		);
		for (const person of [...clients, coach]) {
			expect(csv).not.toContain(person.email);
			expect(csv.toLowerCase()).not.toContain(person.name.toLowerCase());
			expect(csv.toLowerCase()).not.toContain(person.name.split(' ')[0]!.toLowerCase());
		}
		for (const id of assessmentIds) expect(csv).not.toContain(id);
		expect(csv).not.toContain('@');

		// Raw answers as given (item 6 not rekeyed), one row per counted person.
		const parsed = parseResponsesCsv(csv);
		if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
		expect(sortedRows(parsed.rows.map((row) => row.answers))).toEqual(sortedRows(counted));

		let stdout = '';
		const exit = await runInstrumentCommand(['reliability', 'midpoint-responses.csv'], {
			stdout: (text) => (stdout += text),
			stderr: (text) => {
				throw new Error(text);
			},
			readFile: async (path) => {
				expect(path).toBe('midpoint-responses.csv');
				return csv;
			}
		});
		expect(exit).toBe(0);
		const view = await getInstrumentStatistics(t.ctx, input);
		expect(stdout).toBe(
			['cell,n,alpha', ...view.cells.map((c) => `${c.cell},${c.n},${c.alpha!.toFixed(10)}`)]
				.map((line) => `${line}\n`)
				.join('')
		);
	});

	it('shows an empty practice as nobody yet, and downloads just the header', async () => {
		const coach = await buildCoach(t.ctx);
		const colleagueClient = await buildClient(t.ctx, { coach });
		await startAssessment(t.ctx, { userId: colleagueClient.userId });
		const input = { actor: await actorFor(coach.email), practiceId: coach.practiceId };
		const view = await getInstrumentStatistics(t.ctx, input);
		expect(view).toMatchObject({ respondents: 0, leftOutFlagged: 0, leftOutUnscorable: 0 });
		expect(view.cells).toHaveLength(9);
		for (const cell of view.cells) {
			expect(cell).toMatchObject({ n: 0, alpha: null });
			for (const item of cell.items) expect(item).toMatchObject({ n: 0, mean: null, sd: null });
		}
		expect(await exportPracticeResponses(t.ctx, input)).toBe(responsesCsv([]));
	});
});
