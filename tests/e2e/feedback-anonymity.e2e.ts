import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACTORY_PASSWORD, buildClient, buildCoach } from '../factories/accounts.ts';
import { completeAssessment } from '../factories/assessments.ts';
import { answerAsRater, raterTokens, roundForm } from '../factories/feedback.ts';
import { HttpClient } from '../support/http.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { createTestContext, testDialects, type TestContext } from '../support/test-context.ts';
import { addDays, todayFor } from '../../src/lib/domain/actions/dates.ts';
import { openFeedbackRound } from '../../src/lib/server/feedback/open-round.ts';

const FAMILY_MARK = 'MARK-family-comment';

/** The HTML of one group's section on the round page. */
function section(html: string, code: string): string {
	const start = html.indexOf(`aria-labelledby="domain-${code}"`);
	expect(start, `no ${code} section`).toBeGreaterThan(-1);
	return html.slice(html.indexOf('>', start) + 1, html.indexOf('</section>', start));
}

const visibleText = (html: string) =>
	html
		.replace(/<[^>]+>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();

for (const dialect of testDialects()) {
	describe(`two raters in a group reveal nothing, over HTTP on ${dialect}`, () => {
		let t: TestContext;
		let server: RunningServer;
		let roundId: string;
		let client: HttpClient;
		let lateToken: string;
		let coachClient: HttpClient;
		let clientPage: string;

		beforeAll(async () => {
			t = await createTestContext(dialect);
			t.clock.current = new Date(); // the server runs on the wall clock
			const coach = await buildCoach(t.ctx);
			const person = await buildClient(t.ctx, { name: 'Leila Haddad', coach });
			clientPage = `/practices/${coach.practiceId}/clients/${person.userId}`;
			const actor = {
				userId: person.userId,
				practices: { [coach.practiceId]: ['client' as const] }
			};
			await completeAssessment(t.ctx, {
				userId: person.userId,
				practiceId: coach.practiceId,
				lean: { DEP: 2, IND: 4, MUT: 3 },
				date: new Date(Date.now() - 86_400_000)
			});
			({ roundId } = await openFeedbackRound(t.ctx, {
				actor,
				values: roundForm({ FAM: 3, FRI: 3 }, addDays(todayFor(new Date()), 14)),
				baseUrl: 'http://localhost'
			}));
			const tokens = await raterTokens(t.ctx);
			for (const who of ['fam1', 'fam2'])
				await answerAsRater(t.ctx, {
					token: tokens.get(`r-${who}@example.com`)!,
					domain: 'FAM',
					lean: { DEP: 5, IND: 1, MUT: 4 },
					comment: `${FAMILY_MARK}-${who}`
				});
			for (const who of ['fri1', 'fri2', 'fri3'])
				await answerAsRater(t.ctx, {
					token: tokens.get(`r-${who}@example.com`)!,
					domain: 'FRI',
					lean: { DEP: 4, IND: 2, MUT: 3 }
				});
			lateToken = tokens.get('r-fam3@example.com')!;
			server = await startServer({ env: t.serverEnv });
			client = new HttpClient(server.url);
			await client.signIn(person.email, FACTORY_PASSWORD);
			coachClient = new HttpClient(server.url);
			await coachClient.signIn(coach.email, FACTORY_PASSWORD);
		}, 120_000);

		afterAll(async () => {
			await server?.stop();
			await t?.dispose();
		});

		it('while open, says only whether each group has enough answers', async () => {
			const html = await (await client.get('/feedback')).text();
			expect(visibleText(html)).toContain('Family : 3 asked · not enough answers yet');
			expect(visibleText(html)).toContain(
				'Friends : 3 asked · enough answers to show after the close'
			);
			expect(html).not.toContain(FAMILY_MARK);
		});

		it('after the close shows friends, and nothing of the family answers on any page', async () => {
			const closed = await client.post('/feedback?/close', { roundId, confirm: 'yes' });
			expect(closed.status).toBe(303);
			expect(closed.headers.get('location')).toBe(`/feedback/${roundId}?closed=1`);
			const pages = [
				'/feedback',
				`/feedback/${roundId}`,
				`/feedback/${roundId}/__data.json`,
				'/home'
			];
			for (const path of pages) {
				const res = await client.get(path);
				expect(res.status, path).toBe(200);
				expect(await res.text(), path).not.toContain(FAMILY_MARK);
			}
			const html = await (await client.get(`/feedback/${roundId}`)).text();
			const family = visibleText(section(html, 'FAM'));
			expect(family).toBe(
				'Family Fewer than three people answered here, so this group is not shown: a group shows only when at least three of its people answered.'
			);
			expect(section(html, 'FRI')).toContain('Others (mean of 3)');
			expect(section(html, 'FRI')).toContain('Maybe a blind spot.');
			// The page data carries the family group as nothing but its status.
			const data = await (await client.get(`/feedback/${roundId}/__data.json`)).text();
			expect(data).toContain('"not-enough"');
		});

		it('keeps the release as it was: a late answer is refused and changes nothing', async () => {
			const before = await (await client.get(`/feedback/${roundId}/__data.json`)).text();
			const rater = new HttpClient(server.url);
			const page = await (await rater.get(`/rate/${lateToken}`)).text();
			expect(page).toContain('This round of feedback has closed');
			const late = await rater.post(`/rate/${lateToken}?/save`, { page: '0' });
			expect(late.status).toBe(410);
			const after = await (await client.get(`/feedback/${roundId}/__data.json`)).text();
			expect(after).toBe(before);
		});

		it('refuses the round to anyone else', async () => {
			const other = await buildClient(t.ctx);
			const stranger = new HttpClient(server.url);
			await stranger.signIn(other.email, FACTORY_PASSWORD);
			expect((await stranger.get(`/feedback/${roundId}`)).status).toBe(404);
			const strangersList = await (await stranger.get('/feedback')).text();
			expect(strangersList).not.toContain(roundId);
			expect((await stranger.post('/feedback?/close', { roundId, confirm: 'yes' })).status).toBe(
				404
			);
			const anonymous = await new HttpClient(server.url).get(`/feedback/${roundId}`);
			expect(anonymous.status).toBe(303);
			expect(anonymous.headers.get('location')).toMatch(/^\/login/);
		});

		it("shows the client's coach the round only once shared, and still nothing of the family", async () => {
			expect((await coachClient.get(`/feedback/${roundId}`)).status).toBe(404);
			expect(await (await coachClient.get(clientPage)).text()).not.toContain(roundId);
			expect((await coachClient.post(`/feedback/${roundId}?/share`, { share: 'on' })).status).toBe(
				404
			);
			expect((await client.post(`/feedback/${roundId}?/share`, { share: 'on' })).status).toBe(200);
			expect(await (await coachClient.get(clientPage)).text()).toContain(`/feedback/${roundId}`);
			const res = await coachClient.get(`/feedback/${roundId}`);
			expect(res.status).toBe(200);
			const html = await res.text();
			expect(html).toContain('How others see your client');
			expect(html).not.toContain(FAMILY_MARK);
			expect(html).not.toContain('Share with my coach');
			expect(visibleText(section(html, 'FAM'))).toBe(
				'Family Fewer than three people answered here, so this group is not shown: a group shows only when at least three of its people answered.'
			);
			expect(section(html, 'FRI')).toContain('Others (mean of 3)');
		});
	});
}
