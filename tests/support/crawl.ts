import type { Page } from 'playwright-core';

/** A page's address with ids replaced, so one page of each kind is visited. */
export function routeShape(pathname: string): string {
	return pathname
		.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '[id]')
		.replace(/\/page\/\d+$/, '/page/[n]');
}

// Files (and download links), signing out and the dev mailbox are not pages read at phone width.
const SKIP = /\.(pdf|ics|csv|json|zip)$|^\/logout|^\/dev\/|\/download\//;

/**
 * Every page a signed-in person can reach by following links from home: one page of each route
 * shape (the first link found), up to `limit` pages. Calls `visit` on each, once loaded.
 */
export async function crawlSignedIn(
	page: Page,
	base: string,
	visit: (path: string) => Promise<void>,
	limit = 40
): Promise<string[]> {
	const seen = new Set<string>();
	const queue = ['/home'];
	const visited: string[] = [];
	seen.add(routeShape('/home'));
	while (queue.length > 0 && visited.length < limit) {
		const path = queue.shift()!;
		await page.goto(base + path);
		visited.push(path);
		await visit(path);
		const hrefs = await page.$$eval('main a[href], header a[href], nav a[href]', (links) =>
			links.map((a) => (a as HTMLAnchorElement).href)
		);
		for (const href of hrefs) {
			const url = new URL(href);
			if (url.origin !== new URL(base).origin || SKIP.test(url.pathname)) continue;
			const shape = routeShape(url.pathname) + (url.search ? '?' : '');
			if (seen.has(shape)) continue;
			seen.add(shape);
			queue.push(url.pathname + url.search);
		}
	}
	return visited;
}
