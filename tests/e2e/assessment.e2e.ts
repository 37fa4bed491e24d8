import { spawnSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, newContext, signInThroughForm } from '../support/browser.ts';
import type { RunningServer } from '../support/server.ts';
import { useApp } from '../support/app.ts';
import { answerScoring } from '../../src/lib/domain/scoring/reverse-keying.ts';

const app = useApp();
let browser: Browser, server: RunningServer;
beforeAll(() => void ({ browser, server } = app));

/** Answers every line on the current page; `choose` gives the value per item ('' leaves it blank). */
async function answerPage(page: Page, choose: (id: string) => string) {
	const firsts = await page.locator('fieldset.item input[type=radio][value="1"]').all();
	const ids = await Promise.all(firsts.map((input) => input.getAttribute('name')));
	for (const id of ids) {
		const value = id === 'ATTN_1' ? '4' : choose(id!);
		if (value) await page.locator(`input[name="${id}"][value="${value}"]`).check();
	}
}

const independentLean = (id: string) => {
	const scale = id.split('_')[1];
	const value = scale === 'IND' ? 5 : scale === 'DEP' ? 1 : 3;
	return String(answerScoring(id, value));
};
const nearMidpoint = (id: string) => {
	const scale = id.split('_')[1];
	const value = scale === 'MUT' ? 4 : 3;
	return String(answerScoring(id, value));
};

async function heading(page: Page) {
	return page.locator('h1').textContent();
}

describe.each([
	{ mode: 'with JavaScript', javaScript: true, email: 'ines@example.com' },
	{ mode: 'without JavaScript', javaScript: false, email: 'omar@example.com' }
])('a client takes the assessment $mode', ({ javaScript, email }) => {
	let page: Page;
	beforeAll(async () => {
		expect(
			server.cli(
				'create-user',
				'--email',
				email,
				'--name',
				'Client',
				'--kind',
				'client',
				'--password',
				'slow river, quiet stones'
			).status
		).toBe(0);
		page = await (await newContext(browser, javaScript)).newPage();
		await signInThroughForm(page, server.url, email, 'slow river, quiet stones');
	});

	it('starts, is told about a blank line, stops half-way and comes back to the same page', async () => {
		await page.getByRole('link', { name: 'Take the assessment' }).click();
		await expectAccessible(page);
		// What the person will meet, counted: 54 scored statements and one line that checks reading.
		const intro = ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');
		expect(intro).toContain('54 short statements about the past month');
		expect(intro).toContain('over 6 short pages');
		expect(intro).toContain('One more line asks for a given answer');
		await page.getByRole('button', { name: 'Start the assessment' }).click();
		await page.waitForURL('**/page/1');
		await expectAccessible(page);
		const firstLine = await page
			.locator('fieldset.item input[type=radio]')
			.first()
			.getAttribute('name');
		await answerPage(page, (id) => (id === firstLine ? '' : independentLean(id)));
		await page.getByRole('button', { name: 'Save and continue' }).click();
		await expect
			.poll(() => page.getByRole('alert').textContent())
			.toContain('You left 1 line blank');
		await expectAccessible(page);
		await page
			.locator(`input[name="${firstLine}"][value="${independentLean(firstLine!)}"]`)
			.check();
		await page.getByRole('button', { name: 'Save and continue' }).click();
		await page.waitForURL('**/page/2');
		await answerPage(page, independentLean);
		await page.getByRole('button', { name: 'Save and continue' }).click();
		await page.waitForURL('**/page/3');

		// Jumping ahead (a stale tab, a typed address) lands on the first unsaved page instead.
		await page.goto(page.url().replace(/\/page\/3$/, '/page/5'));
		await page.waitForURL('**/page/3?resumed=1');
		await page.setViewportSize({ width: 375, height: 740 });
		const overflow = await page
			.locator('html')
			.evaluate((html) => html.scrollWidth - html.clientWidth)
			.catch(() => 0);
		expect(overflow).toBeLessThanOrEqual(0);
		await page.setViewportSize({ width: 1100, height: 900 });
		await page.getByRole('link', { name: 'Stop here for now' }).click();
		await page.waitForURL('**/home');
		await expect.poll(() => page.locator('main').textContent()).toContain('page 3 of 6');
		await page.getByRole('button', { name: 'Continue the assessment' }).click();
		await page.waitForURL('**/page/3?resumed=1');
		await expect
			.poll(() => page.getByRole('status').first().textContent())
			.toContain('Welcome back');
		await page.getByRole('link', { name: 'Back to page 2' }).click();
		await page.waitForURL('**/page/2');
		const kept = await page.locator('fieldset.item input:checked').count();
		expect(kept).toBe(await page.locator('fieldset.item').count());
	});

	it('finishes and sees three domain dots, the band and an explanation', async () => {
		await page.getByRole('button', { name: 'Save and continue' }).click();
		for (let n = 3; n <= 6; n++) {
			await page.waitForURL(`**/page/${n}`);
			await answerPage(page, independentLean);
			await page
				.getByRole('button', { name: n === 6 ? 'Save and see my result' : 'Save and continue' })
				.click();
		}
		await page.waitForURL('**/assessment/*?done=1');
		await expect.poll(() => heading(page)).toContain('going it alone');
		const chart = page.locator('figure.continuum svg');
		expect(await chart.locator('circle').count()).toBe(4);
		expect(await chart.locator('rect.band').count()).toBe(1);
		// Positions are signed with a true minus sign (decision 0024), never a hyphen.
		expect(await chart.locator('desc').textContent()).toMatch(
			/Family [−+]?\d+; Friends [−+]?\d+; Work team [−+]?\d+/
		);
		expect(await chart.locator('desc').textContent()).not.toMatch(/-\d/);
		expect(await page.locator('main').textContent()).toContain('Try next:');
		await expectAccessible(page);

		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name: 'Download as PDF' }).click()
		]);
		expect(download.suggestedFilename()).toMatch(/^midpoint-result-\d{4}-\d{2}-\d{2}\.pdf$/);
		const file = await download.path();
		expect(spawnSync('qpdf', ['--check', file]).status).toBe(0);
		const text = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout;
		expect(text).toMatch(/Family: -\d+/);
		expect(text).toContain('Work team');
	});

	it('retakes and sees the trail with the change described in words', async () => {
		await page.goto(server.url + '/assessment');
		await page.getByRole('button', { name: 'Take it again' }).click();
		for (let n = 1; n <= 6; n++) {
			await page.waitForURL(`**/page/${n}`);
			await answerPage(page, nearMidpoint);
			await page
				.getByRole('button', { name: n === 6 ? 'Save and see my result' : 'Save and continue' })
				.click();
		}
		await page.waitForURL('**/assessment/*?done=1');
		await expect.poll(() => page.locator('main').textContent()).toContain('That is a real change');
		await page.getByRole('link', { name: 'See your trail' }).click();
		await page.waitForURL('**/assessment/history');
		expect(await page.locator('figure.trail circle').count()).toBe(2);
		const moves = await page.locator('ol.moves li').allTextContents();
		expect(moves[0]).toContain('Your starting point.');
		expect(moves[1]).toMatch(/You moved \d+ points closer to the midpoint\. That is a real change/);
		await expectAccessible(page);
	});
});

describe('privacy of results', () => {
	it("answers another person's result with 404", async () => {
		expect(
			server.cli(
				'create-user',
				'--email',
				'nosy@example.com',
				'--name',
				'Nosy',
				'--kind',
				'client',
				'--password',
				'curious cats everywhere'
			).status
		).toBe(0);
		const owner = await (await newContext(browser, true)).newPage();
		await signInThroughForm(owner, server.url, 'ines@example.com', 'slow river, quiet stones');
		await owner.goto(server.url + '/assessment/history');
		const resultPath = await owner.locator('ol.moves a').first().getAttribute('href');

		const nosy = await (await newContext(browser, true)).newPage();
		await signInThroughForm(nosy, server.url, 'nosy@example.com', 'curious cats everywhere');
		const res = await nosy.goto(server.url + resultPath!);
		expect(res?.status()).toBe(404);
		expect(await nosy.locator('main').textContent()).not.toContain('Try next');
	});
});
