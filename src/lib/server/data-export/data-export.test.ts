import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { parseCsv } from '../../domain/csv/csv.ts';
import { personExportSchema } from '../../domain/export/person-export-schema.ts';
import {
	buildCoachingCast,
	reportedAction,
	sharedEntry
} from '../../../../tests/factories/workspace.ts';
import { completeAssessment } from '../../../../tests/factories/assessments.ts';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { runDueJobs } from '../jobs/worker.ts';
import { postReply } from '../replies/post-reply.ts';
import { downloadExport, LINK_EXPIRED, LINK_USED } from './download-export.ts';
import { getExportState } from './export-state.ts';
import { ALREADY_EXPORTING, requestExport } from './request-export.ts';

const SECRET = 'I never told anyone about the lake house';
const FORMULA = '=HYPERLINK("http://evil.example","click")';

describe.each(testDialects())('exporting your data on %s', (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(() => t.dispose());

	async function seededClient() {
		const cast = await buildCoachingCast(t.ctx);
		const client = cast.actors.client;
		await completeAssessment(t.ctx, {
			userId: cast.client.userId,
			practiceId: cast.practiceId,
			lean: { DEP: 2, IND: 4, MUT: 3 },
			date: new Date(t.clock.now().getTime() - 86_400_000)
		});
		const entryId = await sharedEntry(t.ctx, client, SECRET);
		await sharedEntry(t.ctx, client, FORMULA);
		const { reportId } = await reportedAction(
			t.ctx,
			client,
			'We cooked; it was easier than I feared'
		);
		await postReply(t.ctx, {
			actor: cast.actors.coach,
			subjectType: 'entry',
			subjectId: entryId,
			body: 'Thank you for telling me this.',
			baseUrl: 'http://localhost'
		});
		return { cast, client, reportId };
	}

	it('makes one ZIP, in the background, with everything of the person', async () => {
		const { client } = await seededClient();
		const id = await requestExport(t.ctx, { actor: client, scope: 'person' });
		await expect(requestExport(t.ctx, { actor: client, scope: 'person' })).rejects.toThrow(
			ALREADY_EXPORTING
		);
		expect(await getExportState(t.ctx, { actor: client, scope: 'person' })).toMatchObject({
			state: 'working',
			progress: 0
		});
		await runDueJobs(t.ctx);
		expect(await getExportState(t.ctx, { actor: client, scope: 'person' })).toMatchObject({
			state: 'ready',
			id
		});

		const { zip } = await downloadExport(t.ctx, { actor: client, exportId: id });
		const files = unzipSync(new Uint8Array(zip));
		const data = personExportSchema.parse(JSON.parse(strFromU8(files['midpoint-export.json']!)));
		expect(data.journal.map((e) => e.text)).toContain(SECRET);
		expect(data.results).toHaveLength(1);
		expect(Object.keys(data.results[0]!.answers).length).toBeGreaterThan(50);
		expect(strFromU8(files[data.results[0]!.pdf]!.slice(0, 5))).toBe('%PDF-');
		expect(data.reportBacks[0]!.happened).toBe('We cooked; it was easier than I feared');
		expect(data.replies.map((r) => [r.byYou, r.text])).toEqual([
			[false, 'Thank you for telling me this.']
		]);

		const journal = parseCsv(strFromU8(files['journal.csv']!));
		const texts = journal.slice(1).map((row) => row.at(-1));
		expect(texts).toContain(SECRET);
		// The formula someone typed opens in a spreadsheet as text, never as a formula.
		expect(texts).toContain(`'${FORMULA}`);
		const results = parseCsv(strFromU8(files['results.csv']!));
		expect(results[0]).toContain('item_FAM_DEP_1');
		// Scores to two decimals in the JSON and the CSV alike, never 34.722222222222214.
		const scores = ['position', 'balance', 'FAM_position', 'FRI_position', 'TEAM_position'];
		for (const name of scores)
			expect(results[1]![results[0]!.indexOf(name)], name).toMatch(/^-?\d+(\.\d{1,2})?$/);
		expect(results[1]![results[0]!.indexOf('position')]).toBe(String(data.results[0]!.position));
		expect(Number.isInteger(data.results[0]!.position! * 100)).toBe(true);
		for (const name of ['actions.csv', 'report-backs.csv', 'replies.csv'])
			expect(files[name], name).toBeDefined();

		// The link works once.
		await expect(downloadExport(t.ctx, { actor: client, exportId: id })).rejects.toThrow(LINK_USED);
		expect(await getExportState(t.ctx, { actor: client, scope: 'person' })).toMatchObject({
			state: 'used'
		});
	});

	it('refuses someone else, and a link past its 24 hours', async () => {
		const { cast, client } = await seededClient();
		const id = await requestExport(t.ctx, { actor: client, scope: 'person' });
		await runDueJobs(t.ctx);
		await expect(
			downloadExport(t.ctx, { actor: cast.actors.coach, exportId: id })
		).rejects.toMatchObject({ code: 'not_found' });
		t.clock.advance(24 * 60 * 60 * 1000 + 1000);
		await expect(downloadExport(t.ctx, { actor: client, exportId: id })).rejects.toThrow(
			LINK_EXPIRED
		);
		await runDueJobs(t.ctx);
		const row = await t.ctx.db
			.selectFrom('data_exports')
			.select('content')
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		expect(row.content).toBeNull();
	});

	it('gives a practice admin people, roles, results and report-back status, never journal text', async () => {
		const { cast } = await seededClient();
		await expect(
			requestExport(t.ctx, {
				actor: cast.actors.client,
				scope: 'practice',
				practiceId: cast.practiceId
			})
		).rejects.toMatchObject({ code: 'forbidden' });
		const admin = cast.actors.admin;
		const id = await requestExport(t.ctx, {
			actor: admin,
			scope: 'practice',
			practiceId: cast.practiceId
		});
		await runDueJobs(t.ctx);
		const files = unzipSync(
			new Uint8Array((await downloadExport(t.ctx, { actor: admin, exportId: id })).zip)
		);
		const people = parseCsv(strFromU8(files['people.csv']!));
		expect(people.find((r) => r[0] === 'Iris Client')?.slice(2, 4)).toEqual([
			'client',
			'Casey Coach'
		]);
		// One line per person: the coach who opened the practice is its admin too.
		const names = people.slice(1).map((r) => r[0]);
		expect(names).toEqual([...new Set(names)]);
		expect(people.find((r) => r[0] === 'Casey Coach')?.[2]).toBe('admin, coach');
		expect(strFromU8(files['README.txt']!)).toContain(
			'people.csv: everyone in the practice, once each'
		);
		const status = parseCsv(strFromU8(files['report-back-status.csv']!));
		expect(status.find((r) => r[0] === 'Iris Client')?.[5]).toBe('1');
		const iris = parseCsv(strFromU8(files['results.csv']!)).filter((r) => r[0] === 'Iris Client');
		expect(iris).toHaveLength(1);
		expect(iris[0]![3]).toMatch(/^-?\d+(\.\d{1,2})?$/);
		const everything = Object.values(files)
			.map((f) => strFromU8(f))
			.join('\n');
		expect(everything).not.toContain(SECRET);
		expect(everything).not.toContain('We cooked');
	});
});
