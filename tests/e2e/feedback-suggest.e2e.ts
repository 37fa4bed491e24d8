import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACTORY_PASSWORD, buildClient, buildCoach } from '../factories/accounts.ts';
import { HttpClient } from '../support/http.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { createTestContext, testDialects, type TestContext } from '../support/test-context.ts';
import { listDevMailbox } from '../../src/lib/server/mail/mailer.ts';
import { addMembership } from '../../src/lib/server/practices/repository.ts';

/**
 * A coach suggests a round over HTTP, on both databases: only the client's own coach may, once
 * until answered; only the client sees it and answers it; the coach never learns whom they ask.
 */
for (const dialect of testDialects()) {
	describe(`suggesting a feedback round over HTTP on ${dialect}`, () => {
		let t: TestContext;
		let server: RunningServer;
		let clientPage: string;
		let chenEmail: string;
		const as: Record<string, HttpClient> = {};
		const suggestions = async () =>
			(await t.ctx.db.selectFrom('feedback_suggestions').selectAll().execute()).length;

		beforeAll(async () => {
			t = await createTestContext(dialect);
			t.clock.current = new Date();
			const coach = await buildCoach(t.ctx, { name: 'Rosa Vidal' });
			const person = await buildClient(t.ctx, { name: 'Chen Li', coach });
			// A second coach in the same practice, not Chen's: a colleague, not his coach.
			const colleague = await buildClient(t.ctx, { name: 'Colleague' });
			await addMembership(t.ctx.db, {
				id: randomUUID(),
				practiceId: coach.practiceId,
				userId: colleague.userId,
				role: 'coach',
				coachId: null,
				at: new Date().toISOString()
			});
			const elsewhere = await buildCoach(t.ctx);
			const stranger = await buildClient(t.ctx);
			clientPage = `/practices/${coach.practiceId}/clients/${person.userId}`;
			chenEmail = person.email;
			server = await startServer({ env: t.serverEnv });
			const accounts = { coach, person, colleague, elsewhere, stranger };
			for (const [name, account] of Object.entries(accounts)) {
				as[name] = new HttpClient(server.url);
				await as[name]!.signIn(account.email, FACTORY_PASSWORD);
			}
		}, 120_000);
		afterAll(async () => {
			await server?.stop();
			await t?.dispose();
		});

		it('refuses everyone but the client’s own coach', async () => {
			for (const name of ['colleague', 'elsewhere', 'stranger', 'person']) {
				const res = await as[name]!.post(`${clientPage}?/suggestFeedback`, {});
				expect(res.status, name).not.toBe(303);
				expect([403, 404], name).toContain(res.status);
			}
			const anonymous = await new HttpClient(server.url).post(`${clientPage}?/suggestFeedback`, {});
			expect(anonymous.status).not.toBe(200);
			expect(await suggestions()).toBe(0);
		});

		it('lets the coach suggest once until the client answers', async () => {
			const res = await as.coach!.post(`${clientPage}?/suggestFeedback`, {});
			expect(res.status).toBe(303);
			expect(res.headers.get('location')).toContain('saved=feedback-suggested');
			const again = await as.coach!.post(`${clientPage}?/suggestFeedback`, {});
			expect(again.status).toBe(409);
			expect(await again.text()).toContain('You have already suggested this');
			expect(await suggestions()).toBe(1);
			const page = await (await as.coach!.get(clientPage)).text();
			expect(page).toContain('You suggested on');
			// Chen is told by email, once, with a link to his own page and no names of anyone.
			const mailed = async () =>
				(await listDevMailbox(t.ctx)).filter(
					(m) => m.to_address === chenEmail && m.subject.includes('suggests')
				);
			await expect.poll(async () => (await mailed()).length, { timeout: 15_000 }).toBe(1);
			const [mail] = await mailed();
			expect(mail!.subject).toBe('Rosa Vidal suggests asking how others see you');
			expect(mail!.text_body).toContain(`${server.url}/feedback`);
			expect(mail!.text_body).toContain('never sees who you ask');
		});

		it('shows the suggestion to the client only, who answers it', async () => {
			expect(await (await as.stranger!.get('/feedback')).text()).not.toContain(
				'Your coach suggests a round'
			);
			expect(await (await as.person!.get('/feedback')).text()).toContain('Rosa Vidal suggested on');
			expect((await as.stranger!.post('/feedback?/notNow', {})).status).toBe(200);
			expect(await (await as.person!.get('/feedback')).text()).toContain('Rosa Vidal suggested on');
			expect((await as.person!.post('/feedback?/notNow', {})).status).toBe(200);
			expect(await (await as.person!.get('/feedback')).text()).not.toContain(
				'Your coach suggests a round'
			);
			const page = await (await as.coach!.get(clientPage)).text();
			expect(page).toContain('Suggest a feedback round');
			expect(page).not.toContain('You suggested on');
		});
	});
}
