import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import SQLite from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import {
	expectAccessible,
	launchBrowser,
	newContext,
	signInThroughForm
} from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server.ts';

// Issue 13: the SQLite default on a disk that fills up. A save in that moment gets a clear page
// and a log line, nothing half-written, and what was typed is kept to send again.
// A real full disk needs a small file system of its own: a tmpfs, which only root may mount.

const isRoot = process.getuid?.() === 0;
const mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), 'midpoint-small-disk-'));
let server: RunningServer;
let browser: Browser;
let mounted = false;

beforeAll(async () => {
	if (!isRoot) return;
	execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=48m', 'tmpfs', mountPoint]);
	mounted = true;
	const dataDir = path.join(mountPoint, 'data');
	fs.mkdirSync(dataDir);
	server = await startServer({ dataDir });
	expect(server.cli('demo').status).toBe(0);
	browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
	await browser?.close();
	await server?.stop();
	if (mounted) execFileSync('umount', [mountPoint]);
	fs.rmSync(mountPoint, { recursive: true, force: true });
});

/** Writes a filler file until the file system has no room left. */
function fillDisk(file: string): void {
	const chunk = Buffer.alloc(1024 * 1024, 1);
	const fd = fs.openSync(file, 'w');
	try {
		for (;;) fs.writeSync(fd, chunk);
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
	} finally {
		fs.closeSync(fd);
	}
	// Whatever room is left, less than a megabyte: fill it byte-wise in small steps.
	const small = Buffer.alloc(4096, 1);
	const fd2 = fs.openSync(file, 'a');
	try {
		for (;;) fs.writeSync(fd2, small);
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
	} finally {
		fs.closeSync(fd2);
	}
}

describe.runIf(isRoot)('SQLite on a full disk', () => {
	it('says so plainly, logs it, writes nothing half-way, and keeps what was typed', async () => {
		const context = await newContext(browser, false);
		const tab = await context.newPage();
		await tab.setViewportSize({ width: 360, height: 740 });
		await signInThroughForm(tab, server.url, 'chen@demo.midpoint.local', 'midpoint-demo-practice');
		await tab.goto(`${server.url}/journal`);
		const before = await tab.locator('main a').count();
		// Chen's result sits near the midpoint: his program's step asks him to pick a side first.
		await tab.getByRole('link', { name: 'I tend to go it alone' }).click();
		await tab.locator('a[href^="/journal/new?step="]').first().click();
		// Long enough that it cannot fit in the last free bytes of a page.
		const typed = `On a full disk: ${'I asked for a hand and it was fine. '.repeat(200)}`.trim();
		await tab.getByRole('textbox').first().fill(typed);

		// The write-ahead log reuses room it already has: empty it, so the save needs new room.
		const db = new SQLite(path.join(mountPoint, 'data', 'midpoint.db'));
		db.pragma('wal_checkpoint(TRUNCATE)');
		db.close();
		const filler = path.join(mountPoint, 'filler');
		fillDisk(filler);
		await tab.getByRole('button', { name: /save/i }).click();
		await expect.poll(() => tab.title()).toContain('Back in a moment');
		await expect.poll(() => tab.locator('main').innerText()).toContain('disk may be full');
		expect(await tab.getByRole('textbox').inputValue()).toBe(typed);
		await expectAccessible(tab);
		expect(server.logs()).toMatch(/database unavailable: answered 503/);
		expect(server.logs()).toMatch(/"kind":"storage"/);

		fs.rmSync(filler);
		// Nothing half-written: the journal lists exactly what it listed before.
		const other = await context.newPage();
		await other.goto(`${server.url}/journal`);
		expect(await other.locator('main a').count()).toBe(before);
		expect(await other.content()).not.toContain('On a full disk');

		// With room again, "Try again" from the kept page saves it whole.
		await tab.getByRole('button', { name: 'Try again' }).click();
		await expect.poll(() => tab.url()).toMatch(/\/journal\/[0-9a-f-]{36}\?saved=1$/);
		expect(await tab.getByRole('textbox').first().inputValue()).toBe(typed);
		await context.close();
	}, 90_000);
});
