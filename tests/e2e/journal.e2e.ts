import type { Browser, BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { selfPages } from '../../src/lib/server/assessments/get-assessment-page.ts';
import { expectAccessible, newContext, signInThroughForm } from '../support/browser.ts';
import { HttpClient } from '../support/http.ts';
import type { RunningServer } from '../support/server.ts';
import { useApp } from '../support/app.ts';
import { answerScoring } from '../../src/lib/domain/scoring/reverse-keying.ts';

const app = useApp();
let browser: Browser, server: RunningServer;
beforeAll(() => void ({ browser, server } = app));

/** A client whose latest result leans clearly independent, made over HTTP like a form-only browser. */
async function independentClient(email: string, password: string) {
	expect(
		server.cli(
			'create-user',
			'--email',
			email,
			'--name',
			'Writer',
			'--kind',
			'client',
			'--password',
			password
		).status
	).toBe(0);
	const http = new HttpClient(server.url);
	await http.signIn(email, password);
	let location = (await http.post('/assessment?/start', {})).headers.get('location')!;
	for (const page of selfPages) {
		const form: Record<string, string> = {};
		for (const line of page) {
			const scale = line.id.split('_')[1];
			const value = line.attention ? 4 : scale === 'IND' ? 5 : scale === 'DEP' ? 1 : 3;
			form[line.id] = String(answerScoring(line.id, value));
		}
		location = (await http.post(location, form)).headers.get('location')!;
	}
}

async function signIn(context: BrowserContext, email: string, password: string): Promise<Page> {
	const page = await context.newPage();
	await signInThroughForm(page, server.url, email, password);
	return page;
}

describe.each([
	{ mode: 'with JavaScript', javaScript: true, email: 'writer.js@example.com' },
	{ mode: 'without JavaScript', javaScript: false, email: 'writer.nojs@example.com' }
])('a client reflects $mode', ({ javaScript, email }) => {
	const password = 'ink on the harbour wall';
	let context: BrowserContext;
	let page: Page;
	beforeAll(async () => {
		await independentClient(email, password);
		context = await newContext(browser, javaScript);
		page = await signIn(context, email, password);
	});

	it('sees step 2 for an independent lean, and only that', async () => {
		await page.getByRole('link', { name: 'Journal', exact: true }).click();
		await page.waitForURL('**/journal');
		await expectAccessible(page);
		expect(await page.locator('main').textContent()).toContain('leans towards going it alone');
		expect(
			await page
				.getByRole('link', { name: 'When does standing on your own turn into going it alone?' })
				.count()
		).toBe(1);
		expect(
			await page
				.getByRole('link', { name: 'When does leaning on others turn into waiting for them?' })
				.count()
		).toBe(0);
	});

	it('writes an entry that is saved, and comes back after a reload', async () => {
		await page
			.getByRole('link', { name: 'When does standing on your own turn into going it alone?' })
			.click();
		await expectAccessible(page);
		const text = 'Last Tuesday I moved the whole flat by myself rather than ask my brother.';
		await page.getByLabel('When does standing on your own turn into going it alone?').fill(text);
		await page.getByLabel('Family').check();
		if (javaScript) {
			// No click: the editor saves a moment after typing stops, and the address becomes the entry's.
			await expect
				.poll(() => page.getByRole('status').last().textContent(), { timeout: 10_000 })
				.toMatch(/Saved at/);
			await page.waitForURL(/\/journal\/[0-9a-f-]{36}$/);
		} else {
			await page.getByRole('button', { name: 'Save' }).click();
			await page.waitForURL(/\/journal\/[0-9a-f-]{36}\?saved=1$/);
		}
		await page.reload();
		expect(await page.locator('textarea').inputValue()).toBe(text);
		expect(await page.getByLabel('Family').isChecked()).toBe(true);
		await expectAccessible(page);
	});

	it('refuses a text over 20,000 characters and keeps every character on screen', async () => {
		const long = 'word '.repeat(4001); // 20,005 characters
		await page.locator('textarea').fill(long);
		await page.getByLabel('Friends', { exact: true }).check();
		if (!javaScript) await page.getByRole('button', { name: 'Save' }).click();
		await expect
			.poll(() => page.locator('#field-body-error').textContent(), { timeout: 10_000 })
			.toContain('up to 20,000 characters');
		expect((await page.locator('textarea').inputValue()).length).toBe(long.length);
		// Nothing under a refusal says "Saved.": the text in the box is not what is stored.
		expect((await page.locator('[data-save-status]').textContent())?.trim()).not.toBe('Saved.');
		// The boxes ticked for the refused save stay ticked, the new one too.
		expect(await page.getByLabel('Family').isChecked()).toBe(true);
		expect(await page.getByLabel('Friends', { exact: true }).isChecked()).toBe(true);
		await page
			.locator('textarea')
			.fill('Last Tuesday I moved the whole flat by myself rather than ask my brother.');
		if (!javaScript) await page.getByRole('button', { name: 'Save' }).click();
		else
			await expect
				.poll(() => page.getByRole('status').last().textContent(), { timeout: 10_000 })
				.toMatch(/Saved at/);
	});

	it('offers no sharing to someone without a coach, and says when it comes', async () => {
		// The writer works on their own: an entry shared now would go, unasked, to whichever coach
		// they join later. (Sharing with a coach, and taking it back: workspace.e2e.ts.)
		// Opened afresh (without JavaScript, the page on screen is the answer to a form post).
		await page.goto(page.url().split('?')[0]!);
		expect(await page.getByRole('button', { name: 'Share this entry with my coach' }).count()).toBe(
			0
		);
		expect((await page.locator('.sharing').textContent())?.replace(/\s+/g, ' ')).toContain(
			'Once you work with a coach, you can share an entry with them from here.'
		);
		await expectAccessible(page);
		await page.goto(server.url + '/journal');
		expect(await page.locator('.entries').textContent()).toContain('Private');
	});
});

// What follows needs the page's script running, which on a loaded machine can take longer than
// the usual 10 s; each poll still ends the moment the state shows.
const PAGE_SCRIPT = { timeout: 30_000 };

describe('writing while the connection drops', () => {
	it('keeps what was typed offline and saves it when the person is back', async () => {
		const email = 'offline@example.com';
		const password = 'storms over the bay';
		await independentClient(email, password);
		const context = await newContext(browser, true);
		let page = await signIn(context, email, password);
		await page.goto(server.url + '/journal/new?step=resonate&prompt=resonate-together');
		const editor = page.getByLabel('When did doing something together work out better than alone?');
		await editor.fill('We painted the fence together.');
		await expect
			.poll(() => page.getByRole('status').last().textContent(), PAGE_SCRIPT)
			.toMatch(/Saved at/);
		await page.waitForURL(/\/journal\/[0-9a-f-]{36}$/);
		const address = page.url();

		await context.setOffline(true);
		await editor.pressSequentially(' It took half the time and we laughed a lot.');
		await expect
			.poll(() => page.getByRole('status').last().textContent(), { timeout: 10_000 })
			.toMatch(/offline|connection dropped/);
		// The person comes back later in a new browser, with this device's storage and sign-in.
		// The offline browser stays open and offline until the end: its offline state is the
		// browser's emulation, lifted as a page or browser closes or leaves, and the page hears
		// 'online' then and saves the text itself (a real browser closing offline never does), so
		// nothing would be left to bring back.
		const device = await context.storageState();
		const back = await browser.newContext({ storageState: device });
		page = await back.newPage();
		await page.goto(address);
		await expect
			.poll(() => page.locator('main').textContent(), PAGE_SCRIPT)
			.toContain('We brought back text you wrote on this device');
		await expect
			.poll(() => page.getByRole('status').last().textContent(), PAGE_SCRIPT)
			.toMatch(/Saved at/);
		const fresh = await browser.newContext();
		await fresh.addCookies(await back.cookies());
		const other = await fresh.newPage();
		await other.goto(address);
		expect(await other.locator('textarea').inputValue()).toBe(
			'We painted the fence together. It took half the time and we laughed a lot.'
		);
		await fresh.close();
		await back.close();
		await context.close();
	});
});
