import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACTORY_PASSWORD, buildClient, buildCoach } from '../factories/accounts.ts';
import { completeAssessment } from '../factories/assessments.ts';
import { answerAsRater, raterTokens, roundForm } from '../factories/feedback.ts';
import { HttpClient } from '../support/http.ts';
import { pdfText } from '../support/pdf-tools.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { createTestContext, testDialects, type TestContext } from '../support/test-context.ts';
import { addDays, todayFor } from '../../src/lib/domain/actions/dates.ts';
import { parseCsv } from '../../src/lib/domain/csv/csv.ts';
import { openFeedbackRound } from '../../src/lib/server/feedback/open-round.ts';

/**
 * A round's PDF, CSV and JSON over HTTP: two family raters (with words and extreme answers) show
 * nothing on any of them; friends show; a careless friend is set aside and only counted; the
 * files never change from one download to the next; nobody else gets them.
 */
const MARK = 'MARK-family';
const files = ['report.pdf', 'results.csv', 'results.json'] as const;

for (const dialect of testDialects()) {
	describe(`a round's files over HTTP on ${dialect}`, () => {
		let t: TestContext;
		let server: RunningServer;
		let roundId: string;
		let client: HttpClient;
		let coach: HttpClient;
		let clientPage: string;

		const text = async (who: HttpClient, file: string) => {
			const res = await who.get(`/feedback/${roundId}/${file}`);
			expect(res.status, file).toBe(200);
			const body = Buffer.from(await res.arrayBuffer());
			return { body, text: file.endsWith('.pdf') ? await pdfText(body) : body.toString('utf8') };
		};

		beforeAll(async () => {
			t = await createTestContext(dialect);
			t.clock.current = new Date();
			const owner = await buildCoach(t.ctx);
			const person = await buildClient(t.ctx, { name: 'Leila Haddad', coach: owner });
			clientPage = `/practices/${owner.practiceId}/clients/${person.userId}`;
			await completeAssessment(t.ctx, {
				userId: person.userId,
				practiceId: owner.practiceId,
				lean: { DEP: 2, IND: 4, MUT: 3 },
				date: new Date(Date.now() - 86_400_000)
			});
			const actor = {
				userId: person.userId,
				practices: { [owner.practiceId]: ['client' as const] }
			};
			({ roundId } = await openFeedbackRound(t.ctx, {
				actor,
				values: roundForm({ FAM: 3, FRI: 4 }, addDays(todayFor(new Date()), 14)),
				baseUrl: 'http://localhost'
			}));
			const tokens = await raterTokens(t.ctx);
			for (const who of ['fam1', 'fam2'])
				await answerAsRater(t.ctx, {
					token: tokens.get(`r-${who}@example.com`)!,
					domain: 'FAM',
					lean: { DEP: 5, IND: 1, MUT: 5 },
					comment: `${MARK}-${who}`
				});
			for (const who of ['fri1', 'fri2', 'fri3'])
				await answerAsRater(t.ctx, {
					token: tokens.get(`r-${who}@example.com`)!,
					domain: 'FRI',
					lean: { DEP: 4, IND: 2, MUT: 3 },
					comment: `Friend words ${who}`
				});
			await answerAsRater(t.ctx, {
				token: tokens.get('r-fri4@example.com')!,
				domain: 'FRI',
				lean: { DEP: 1, IND: 5, MUT: 1 },
				attention: '1',
				comment: 'MARK-careless'
			});
			server = await startServer({ env: t.serverEnv });
			client = new HttpClient(server.url);
			await client.signIn(person.email, FACTORY_PASSWORD);
			coach = new HttpClient(server.url);
			await coach.signIn(owner.email, FACTORY_PASSWORD);
		}, 120_000);
		afterAll(async () => {
			await server?.stop();
			await t?.dispose();
		});

		it('while open, the files say only whether each group has enough answers', async () => {
			const json = JSON.parse((await text(client, 'results.json')).text);
			expect(json.state).toBe('open');
			expect(json.groups).toEqual([
				{ group: 'Family', asked: 3, status: 'open', enoughAnswers: false },
				{ group: 'Friends', asked: 4, status: 'open', enoughAnswers: true },
				{ group: 'Work team', asked: 0, status: 'open', enoughAnswers: false }
			]);
			expect(json.comments).toEqual([]);
			expect(json.setAside).toBeNull();
			const pdf = (await text(client, 'report.pdf')).text;
			expect(pdf).toContain('This round is not closed yet');
			expect(pdf).not.toContain('Friend words');
		});

		it('after the close, family shows nothing anywhere, friends show, and nothing names a rater', async () => {
			expect((await client.post('/feedback?/close', { roundId, confirm: 'yes' })).status).toBe(303);
			const csv = parseCsv((await text(client, 'results.csv')).text);
			expect(csv[0]).toEqual([
				'group',
				'asked',
				'status',
				'raters',
				'others_mean',
				'others_sd',
				'band_low',
				'band_high',
				'zone',
				'self_position',
				'difference',
				'blind_spot'
			]);
			expect(csv[1]).toEqual(['Family', '3', 'not-enough', '', '', '', '', '', '', '', '', '']);
			expect(csv[2]!.slice(0, 5)).toEqual(['Friends', '4', 'shown', '3', '50']);
			expect(csv[2]!.at(-1)).toBe('yes');
			const json = JSON.parse((await text(client, 'results.json')).text);
			expect(json.groups[0]).toEqual({ group: 'Family', asked: 3, status: 'not-enough' });
			expect(json.groups[1].others).toMatchObject({ raters: 3, mean: 50, sd: 0 });
			expect(json.setAside).toBe(1);
			expect([...json.comments].sort()).toEqual([
				'Friend words fri1',
				'Friend words fri2',
				'Friend words fri3'
			]);
			const pdf = (await text(client, 'report.pdf')).text.replace(/\s+/g, ' ');
			expect(pdf).toContain(
				'Family Fewer than three people answered here, so this group is not shown'
			);
			expect(pdf).toContain('Others (mean of 3)');
			expect(pdf).toContain('Maybe a blind spot.');
			expect(pdf).toContain('One set of answers was left out');
			for (const file of files) {
				const body = (await text(client, file)).text;
				expect(body, file).not.toMatch(/MARK|@example\.com|FAM person|FRI person/);
			}
			const page = await (await client.get(`/feedback/${roundId}`)).text();
			expect(page).toContain('left out');
			expect(page).not.toContain('MARK');
		});

		it('gives the same files on every download', async () => {
			for (const file of files) {
				const first = await text(client, file);
				const again = await text(client, file);
				expect(again.body.equals(first.body), file).toBe(true);
			}
		});

		it('refuses the files to anyone else, and to the coach until the client shares', async () => {
			const strangerAccount = await buildClient(t.ctx);
			const stranger = new HttpClient(server.url);
			await stranger.signIn(strangerAccount.email, FACTORY_PASSWORD);
			const otherCoachAccount = await buildCoach(t.ctx);
			const otherCoach = new HttpClient(server.url);
			await otherCoach.signIn(otherCoachAccount.email, FACTORY_PASSWORD);
			const anonymous = new HttpClient(server.url);
			for (const file of files) {
				const path = `/feedback/${roundId}/${file}`;
				expect((await stranger.get(path)).status, path).toBe(404);
				expect((await otherCoach.get(path)).status, path).toBe(404);
				expect((await coach.get(path)).status, path).toBe(404);
				const res = await anonymous.get(path);
				expect(res.status, path).toBe(303);
				expect(res.headers.get('location')).toMatch(/^\/login/);
			}
			expect((await client.post(`/feedback/${roundId}?/share`, { share: 'on' })).status).toBe(200);
			for (const file of files) {
				const mine = await text(client, file);
				const theirs = await text(coach, file);
				if (file === 'report.pdf') expect(theirs.text).toBe(mine.text);
				else expect(theirs.body.equals(mine.body), file).toBe(true);
				expect((await otherCoach.get(`/feedback/${roundId}/${file}`)).status).toBe(404);
			}
			expect(await (await coach.get(clientPage)).text()).toContain(`/feedback/${roundId}`);
		});
	});
}
