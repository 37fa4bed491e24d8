import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

export function launchBrowser(): Promise<Browser> {
	return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

const scriptless = new WeakSet<BrowserContext>();

export async function newContext(browser: Browser, javaScript: boolean): Promise<BrowserContext> {
	const context = await browser.newContext({
		javaScriptEnabled: javaScript,
		viewport: { width: 1100, height: 900 }
	});
	if (!javaScript) scriptless.add(context);
	return context;
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * Runs axe (WCAG 2.2 A and AA plus best practice) on the page and fails with the rules it breaks.
 * axe needs JavaScript; for a page shown without it, the exact HTML the server sent is loaded
 * again, scripts removed, in a scratch page that may run axe, with the same styles.
 */
export async function expectAccessible(page: Page): Promise<void> {
	let target = page;
	let scratch: BrowserContext | undefined;
	if (scriptless.has(page.context())) {
		const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
		scratch = await page
			.context()
			.browser()!
			.newContext({ viewport: page.viewportSize() ?? undefined });
		target = await scratch.newPage();
		const url = page.url();
		await target.route(url, (route) =>
			route.fulfill({ status: 200, contentType: 'text/html', body: html })
		);
		await target.goto(url);
	}
	try {
		const results = await new AxeBuilder({ page: target }).withTags(AXE_TAGS).analyze();
		const problems = results.violations.map(
			(v) =>
				`${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
		);
		expect(problems, `axe found problems on ${page.url()}`).toEqual([]);
	} finally {
		await scratch?.close();
	}
}

/** The name of the focused form control, read without running page scripts. */
export async function focusedName(page: Page): Promise<string | null> {
	const focused = page.locator('*:focus');
	return (await focused.count()) ? focused.first().getAttribute('name') : null;
}

/**
 * Signs in through the real form, as a person would, once the page has settled (a click
 * before hydration finishes could leave the page on /login), and waits for the home page.
 */
export async function signInThroughForm(
	page: Page,
	base: string,
	email: string,
	password: string
): Promise<void> {
	await page.goto(base + '/login', { waitUntil: 'networkidle' });
	await page.getByLabel('Email address').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.waitForURL('**/home');
}

/**
 * Nothing on the page is wider than a 360 px phone. A page shown without JavaScript is measured
 * as the server sent it, in a scratch page that may run a script, as `expectAccessible` does.
 */
export async function fitsAPhone(page: Page): Promise<void> {
	let target = page;
	let scratch: BrowserContext | undefined;
	const before = page.viewportSize();
	if (scriptless.has(page.context())) {
		const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
		scratch = await page.context().browser()!.newContext();
		target = await scratch.newPage();
		const url = page.url();
		await target.route(url, (route) =>
			route.fulfill({ status: 200, contentType: 'text/html', body: html })
		);
		await target.goto(url);
	}
	try {
		await target.setViewportSize({ width: 360, height: 740 });
		const width = await target.evaluate(() => document.documentElement.scrollWidth);
		expect(width, `${page.url()} is wider than a phone`).toBeLessThanOrEqual(360);
	} finally {
		if (scratch) await scratch.close();
		else if (before) await page.setViewportSize(before);
	}
}
