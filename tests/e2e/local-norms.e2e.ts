import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACTORY_PASSWORD, buildClient, buildCoach } from '../factories/accounts.ts';
import { completeAssessment } from '../factories/assessments.ts';
import { seedPracticeResults } from '../factories/practice-results.ts';
import { join } from '../factories/workspace.ts';
import { rPackageProblem } from '../../src/lib/server/r/rscript.ts';
import { listCompletedAssessments } from '../../src/lib/server/assessments/repository.ts';
import {
	expectAccessible,
	launchBrowser,
	newContext,
	signInThroughForm
} from '../support/browser.ts';
import { HttpClient } from '../support/http.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { createTestContext, type TestContext } from '../support/test-context.ts';

/**
 * Issue 15 in the browser: a practice with 230 clean results. Its admin previews and adopts its
 * own norms (with and without JavaScript), a coach reads the page but cannot change the norms,
 * a client is refused it, and the client's next result says which norms its band uses.
 */
let browser: Browser;
let server: RunningServer;
let t: TestContext;
let practiceId: string;
const people = {} as Record<'admin' | 'colleague' | 'client', { email: string; userId: string }>;
const lavaan = rPackageProblem('lavaan', process.env.RSCRIPT ?? 'Rscript') === null;

beforeAll(async () => {
	t = await createTestContext('sqlite');
	t.clock.current = new Date(Date.now() - 3 * 86_400_000);
	const admin = await buildCoach(t.ctx, { name: 'Nadia Okafor', practiceName: 'Harbour Coaching' });
	practiceId = admin.practiceId;
	await seedPracticeResults(t.ctx, {
		practiceId,
		coachId: admin.userId,
		count: 230,
		seed: 5,
		at: t.clock.now()
	});
	const colleague = await buildCoach(t.ctx, { name: 'Tomas Berg' });
	await join(t.ctx, practiceId, colleague.userId, 'coach');
	const client = await buildClient(t.ctx, { name: 'Iris Vane', coach: admin });
	Object.assign(people, { admin, colleague, client });
	server = await startServer({ env: t.serverEnv });
	browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
	await browser?.close();
	await server?.stop();
	await t?.dispose();
});

async function signedIn(email: string, javaScript: boolean): Promise<Page> {
	const page = await (await newContext(browser, javaScript)).newPage();
	await signInThroughForm(page, server.url, email, FACTORY_PASSWORD);
	return page;
}

const main = async (page: Page) => (await page.locator('main').textContent()) ?? '';

describe('local norms and the structure check on the instrument page', () => {
	it('lets the admin preview and adopt the practice norms, then go back, without JavaScript', async () => {
		const page = await signedIn(people.admin.email, false);
		await page.goto(`${server.url}/practices/${practiceId}`);
		await page.getByRole('link', { name: 'How the assessment behaves in your practice' }).click();
		expect(await main(page)).toContain('New results in your practice use the built-in norms');
		expect(await main(page)).toContain('None of your clients has two results yet');
		expect(
			await page.getByRole('table', { name: 'Built-in norms and norms from your results' }).count()
		).toBe(1);
		expect(await page.locator('table').count()).toBeGreaterThan(9); // preview + line by line
		await expectAccessible(page);

		await page.getByRole('button', { name: /^Use norms from these \d+ results$/ }).click();
		expect(await main(page)).toMatch(
			/new results use your practice's own norms \(\d+ clean results\)/
		);
		expect(await main(page)).toContain(
			"New results in your practice use your practice's own norms"
		);
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Go back to the built-in norms' }).click();
		expect(await main(page)).toContain('From now on, new results use the built-in norms.');
		await page.context().close();
	});

	it("says on the client's result which norms its band uses, after the admin adopts them with JavaScript", async () => {
		const admin = await signedIn(people.admin.email, true);
		await admin.goto(`${server.url}/practices/${practiceId}/instrument`, {
			waitUntil: 'networkidle'
		});
		await admin.setViewportSize({ width: 360, height: 740 });
		const width = await admin.evaluate(() => document.documentElement.scrollWidth);
		expect(width).toBeLessThanOrEqual(360);
		await admin.getByRole('button', { name: /^Use norms from these \d+ results$/ }).click();
		await admin.waitForLoadState('networkidle');
		expect(await main(admin)).toContain(
			"New results in your practice use your practice's own norms"
		);
		const respondents = /own norms \((\d+) clean results\)/.exec(await main(admin))![1];
		await admin.context().close();

		await completeAssessment(t.ctx, {
			userId: people.client.userId,
			practiceId,
			lean: { DEP: 2, IND: 4, MUT: 3 },
			date: new Date(Date.now() - 3_600_000)
		});
		const client = await signedIn(people.client.email, false);
		const [result] = await listCompletedAssessments(t.ctx.db, people.client.userId);
		await client.goto(`${server.url}/assessment/${result!.id}`);
		const note = (await client.getByTestId('norms-note').textContent()) ?? '';
		expect(note).toContain(
			`your practice's own norms: figures pooled from ${respondents} of its clients`
		);
		expect(note).toMatch(/With the built-in norms it would be [−+]?\d+ to [−+]?\d+\./);
		await expectAccessible(client);

		const refused = await client.goto(`${server.url}/practices/${practiceId}/instrument`);
		expect(refused?.status()).toBe(403);
		await client.context().close();
	});

	it('shows a coach the norms and the structure check, but no choice and no line-by-line figures', async () => {
		const page = await signedIn(people.colleague.email, false);
		await page.goto(`${server.url}/practices/${practiceId}/instrument`);
		const text = await main(page);
		expect(text).toContain('The practice admin decides which norms are used.');
		expect(text).toContain('Does the assessment hold together for your clients?');
		expect(text).not.toContain('Line by line');
		expect(text).not.toContain('Download the responses');
		expect(await page.locator('main').getByRole('button').count()).toBe(0);
		// The fit is worked out by the job worker, never during the page view: wait for it.
		let figures = '';
		for (let tries = 0; tries < 60 && !/CFI|could not be worked out/.test(figures); tries++) {
			await new Promise((resolve) => setTimeout(resolve, 1000));
			await page.reload();
			figures = await main(page);
		}
		if (lavaan) {
			expect(figures).toContain('How well the nine-part design fits');
			expect(figures).toMatch(/CFI\s*(0\.9\d|1\.00)/);
			expect(figures).toContain("Your clients' answers follow the design");
		} else {
			expect(figures).toContain('R is not installed here');
		}
		await expectAccessible(page);
		await page.context().close();
	});

	it('refuses a coach and a client who post to change the norms, and changes nothing', async () => {
		const inForce = () =>
			t.ctx.db
				.selectFrom('practice_norms')
				.select(['id', 'retired_at'])
				.where('retired_at', 'is', null)
				.execute();
		const before = await inForce();
		expect(before).toHaveLength(1); // adopted by the admin above
		for (const person of [people.colleague, people.client]) {
			const http = new HttpClient(server.url);
			await http.signIn(person.email, FACTORY_PASSWORD);
			for (const action of ['adopt', 'builtIn']) {
				const res = await http.post(`/practices/${practiceId}/instrument?/${action}`, {});
				expect(res.status, `${person.email} ${action}`).toBe(403);
			}
		}
		expect(await inForce()).toEqual(before);
	});
});
