// What a newcomer trips on (issue 9, item 8), on the demo practice: people with months of
// history. Every page a client and a coach can reach fits a 360 px phone; the coach's home is
// their clients, what needs attention first; the client's home speaks to someone with history,
// shows unread replies from the coach, says when the action limit is reached and, on one's own,
// how joining a coach works. axe runs on the pages visited.
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, newContext, signInThroughForm } from '../support/browser.ts';
import { crawlSignedIn } from '../support/crawl.ts';
import type { RunningServer } from '../support/server.ts';
import { useApp } from '../support/app.ts';

const app = useApp();
let browser: Browser, server: RunningServer;
beforeAll(() => void ({ browser, server } = app));

const PASSWORD = 'midpoint-demo-practice';
const demo = (name: string) => `${name}@demo.midpoint.local`;

beforeAll(async () => {
	const seeded = server.cli('demo');
	expect(seeded.status, seeded.stderr).toBe(0);
});

async function signedIn(email: string, options: { javaScript?: boolean; width?: number } = {}) {
	const context = await newContext(browser, options.javaScript ?? true);
	const page = await context.newPage();
	if (options.width) await page.setViewportSize({ width: options.width, height: 800 });
	await signInThroughForm(page, server.url, email, PASSWORD);
	return page;
}

const mainText = async (page: Page) => (await page.locator('main').textContent()) ?? '';

describe('on a 360 px phone', () => {
	it.each([
		['a coached client', 'amara'],
		['a self-guided client', 'grace'],
		['a coach', 'rosa']
	])('every page %s can reach fits the screen', async (_who, name) => {
		const page = await signedIn(demo(name), { width: 360 });
		const tooWide: string[] = [];
		const misnamed: string[] = [];
		const visited = await crawlSignedIn(page, server.url, async (path) => {
			const width = await page.evaluate(() => document.documentElement.scrollWidth);
			if (width > 360) tooWide.push(`${path}: ${width} px`);
			// One name per idea (decision 0024): the centre of every chart, the journal, the minus.
			const centres = await page.locator('svg text.mid').allTextContents();
			for (const centre of centres) if (centre.trim() !== 'Interdependent') misnamed.push(centre);
			const text = await mainText(page);
			const hyphenMinus = text.match(/(^|[\s(:])-\d+/g);
			if (hyphenMinus) misnamed.push(`${path}: ${hyphenMinus.join(' ')}`);
			const menu = await page.getByRole('navigation', { name: 'Main' }).textContent();
			if (/Reflections/.test(menu ?? '')) misnamed.push(`${path}: menu says Reflections`);
			await expectAccessible(page);
		});
		expect(visited.length).toBeGreaterThan(8);
		expect(tooWide).toEqual([]);
		expect(misnamed).toEqual([]);
		await page.context().close();
	});

	it('keeps a wide table’s first column in view while the table scrolls in its own box', async () => {
		const page = await signedIn(demo('rosa'), { width: 360 });
		await page.getByRole('link', { name: 'Open the practice' }).click();
		await page.waitForURL(/\/practices\/[0-9a-f-]{36}(\?.*)?$/);
		const box = page.locator('.table-scroll').first();
		const scrolls = await box.evaluate((el) => el.scrollWidth > el.clientWidth);
		expect(scrolls).toBe(true);
		const nameCell = box.locator('tbody th').first();
		const before = await nameCell.boundingBox();
		await box.evaluate((el) => el.scrollBy({ left: 400 }));
		await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
		const after = await nameCell.boundingBox();
		expect(after!.x).toBe(before!.x);
		await page.context().close();
	});
});

describe('the coach’s home', () => {
	it('lists their clients with what needs attention first, and links to the whole roster', async () => {
		const page = await signedIn(demo('rosa'));
		const rows = page.locator('main table.roster tbody tr');
		const count = await rows.count();
		expect(count).toBeGreaterThan(1);
		expect(count).toBeLessThanOrEqual(5);
		const attention = await rows.evaluateAll((trs) =>
			trs.map((tr) => (tr.children[1]?.textContent ?? '').trim() !== '')
		);
		// Rows with something to look at come before rows with nothing.
		expect(attention[0]).toBe(true);
		expect(attention).toEqual([...attention].sort((a, b) => Number(b) - Number(a)));
		await expectAccessible(page);

		await page.getByRole('link', { name: /^Open the practice: all \d+ clients$/ }).click();
		await page.waitForURL(/\/practices\/[0-9a-f-]{36}$/);
		expect(await page.locator('table.roster tbody tr').count()).toBeGreaterThan(count);
		// The whole roster can be sorted the same way.
		await page.waitForLoadState('networkidle');
		await page.getByLabel('Sort by').selectOption('attention');
		await page.waitForURL(/sort=attention/);
		const names = async (where: Page) =>
			(await where.locator('table.roster tbody th').allTextContents()).map((n) => n.trim());
		const home = await signedIn(demo('rosa'));
		expect((await names(page)).slice(0, count)).toEqual(await names(home));
		await home.context().close();
		await page.context().close();
	});
});

describe('the roster’s menus', () => {
	it('apply at once with JavaScript', async () => {
		const page = await signedIn(demo('rosa'));
		await page.getByRole('link', { name: 'Open the practice' }).click();
		await page.waitForLoadState('networkidle');
		await page.getByLabel('Show').selectOption('overdue');
		await page.waitForURL(/show=overdue/);
		await page.getByLabel('Sort by').selectOption('activity');
		await page.waitForURL(/show=overdue&sort=activity/);
		expect(await page.getByRole('status').textContent()).toContain('matching');
		// The page is read again; the keyboard stays on the menu that was used.
		await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('roster-sort');
		await page.context().close();
	});

	it('still apply with the button when JavaScript is off', async () => {
		const page = await signedIn(demo('rosa'), { javaScript: false });
		await page.getByRole('link', { name: 'Open the practice' }).click();
		await page.getByLabel('Show').selectOption('overdue');
		expect(page.url()).not.toContain('show=');
		await page.getByRole('button', { name: 'Show clients' }).click();
		await page.waitForURL(/show=overdue/);
		await page.context().close();
	});
});

describe('the client’s home', () => {
	it('speaks to someone with results, and draws the week labels apart', async () => {
		const page = await signedIn(demo('amara'));
		const lead = (await page.locator('main p.lead').textContent()) ?? '';
		expect(lead).not.toContain('first step');
		expect(lead).toContain('where your latest result places you');
		for (const width of [1100, 360]) {
			await page.setViewportSize({ width, height: 900 });
			const overlaps = await page.$$eval('figure.chart svg', (svgs) =>
				svgs.flatMap((svg) => {
					const boxes = [...svg.querySelectorAll('text.tick')].map((t) => ({
						text: t.textContent?.trim(),
						box: t.getBoundingClientRect()
					}));
					return boxes.flatMap((a, i) =>
						boxes
							.slice(i + 1)
							.filter(
								(b) =>
									a.box.left < b.box.right &&
									b.box.left < a.box.right &&
									a.box.top < b.box.bottom &&
									b.box.top < a.box.bottom
							)
							.map((b) => `${a.text} / ${b.text}`)
					);
				})
			);
			expect(overlaps, `at ${width} px`).toEqual([]);
		}
		expect(await page.locator('text.tick', { hasText: 'This week' }).count()).toBe(2);
		// A coached client is not told how to join a coach.
		expect(await page.getByRole('heading', { name: 'Working with a coach' }).count()).toBe(0);
		await page.context().close();
	});

	it('shows a reply from the coach, with a link to it, until it is read', async () => {
		const coach = await signedIn(demo('rosa'));
		await coach.getByRole('link', { name: 'Open the practice' }).click();
		await coach.getByRole('link', { name: 'Amara Osei' }).first().click();
		await coach.waitForURL(/\/clients\//);
		const box = coach.getByLabel('Your reply to Amara on this journal entry').first();
		await box.fill('That walk sounds like a real step. What made it easy to ask?');
		await box.locator('xpath=ancestor::form').getByRole('button', { name: 'Send reply' }).click();
		await expect.poll(() => mainText(coach)).toContain('What made it easy to ask?');
		await coach.context().close();

		const page = await signedIn(demo('amara'));
		const replies = page.getByRole('region', { name: 'Your coach replied' });
		const link = replies.getByRole('link', { name: /on your journal entry of/ }).first();
		await expectAccessible(page);
		await link.click();
		await page.waitForURL(/\/journal\/[0-9a-f-]{36}#replies$/);
		expect(await mainText(page)).toContain('What made it easy to ask?');
		await page.goto(server.url + '/home');
		expect(await mainText(page)).not.toContain('What made it easy to ask?');
		await page.context().close();
	});

	it('tells someone on their own how joining a coach works, on home and account', async () => {
		const page = await signedIn(demo('grace'));
		for (const path of ['/home', '/account']) {
			await page.goto(server.url + path);
			const section = page.getByRole('region', { name: 'Working with a coach' });
			expect(await section.getByRole('heading', { name: 'Working with a coach' }).count()).toBe(1);
			const text = (await section.textContent()) ?? '';
			expect(text).toContain('Ask your coach to invite you');
			expect(text).toContain('Midpoint emails you a link');
			await expectAccessible(page);
		}
		await page.context().close();
	});
});

describe('at the limit of three open actions', () => {
	const email = 'tess@example.com';
	const password = 'three small steps';
	let page: Page;
	beforeAll(async () => {
		const created = server.cli(
			'create-user',
			'--email',
			email,
			'--name',
			'Tess',
			'--kind',
			'client',
			'--password',
			password
		);
		expect(created.status, created.stderr).toBe(0);
		page = await (await newContext(browser, false)).newPage();
		await signInThroughForm(page, server.url, email, password);
		const inThreeDays = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
		for (let n = 0; n < 3; n++) {
			await page.goto(server.url + '/actions/new');
			await page
				.getByRole('button', { name: /^Use this idea/ })
				.nth(n)
				.click();
			await page.waitForURL('**/actions/new?suggestion=*');
			await page.getByLabel('With whom?').fill('Sam');
			await page.getByRole('radio', { name: /^By a date/ }).check();
			await page.getByLabel('Date (if you chose a date)').fill(inThreeDays);
			await page.getByRole('button', { name: 'Commit to this action' }).click();
			await page.waitForURL('**/actions/*?saved=created*');
		}
	});

	it('home says so and links to them instead of offering a new one', async () => {
		await page.goto(server.url + '/home');
		const text = (await mainText(page)).replace(/\s+/g, ' ');
		expect(text).toContain('You have 3 open actions, the most you can have at one time');
		expect(await page.getByRole('link', { name: 'Choose an action' }).count()).toBe(0);
		expect(await page.getByRole('link', { name: 'See your open actions' }).count()).toBe(1);
		await expectAccessible(page);
	});

	it('the new-action page says it first and offers no form that would be refused', async () => {
		await page.goto(server.url + '/actions/new');
		expect(await page.getByRole('status').textContent()).toContain(
			'You have 3 open actions, which is the most at one time'
		);
		expect(await page.getByRole('button', { name: 'Commit to this action' }).count()).toBe(0);
		expect(await page.getByLabel('What will you do?').count()).toBe(0);
		await expectAccessible(page);
	});
});

describe('the landing page, signed in', () => {
	it('offers the way home, not a new account', async () => {
		const page = await signedIn(demo('amara'), { javaScript: false });
		await page.goto(server.url + '/');
		expect(await page.getByRole('link', { name: 'Create an account' }).count()).toBe(0);
		await expectAccessible(page);
		await page.getByRole('link', { name: 'Go to your home' }).click();
		await page.waitForURL('**/home');
		await page.context().close();
	});
});
