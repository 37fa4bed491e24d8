// A client with months of history: the coach's page of them, their journal and their actions list
// show the latest and anything new, and everything behind one link (decision 0042), with
// JavaScript on and off, axe clean, on a phone's width.
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildClient, buildCoach, FACTORY_PASSWORD } from '../factories/accounts.ts';
import { actorOf, reportedAction, sharedEntry } from '../factories/workspace.ts';
import { closeAction } from '../../src/lib/server/actions/close-action.ts';
import { expectAccessible, fitsAPhone, newContext, signInThroughForm } from '../support/browser.ts';
import type { RunningServer } from '../support/server.ts';
import { inServerDb } from '../support/server-db.ts';
import { useApp } from '../support/app.ts';

const app = useApp();
let browser: Browser, server: RunningServer;
beforeAll(() => void ({ browser, server } = app));

const WEEKS = 24;
let clientPage = '';

beforeAll(async () => {
	await inServerDb(server, async (ctx) => {
		const coach = await buildCoach(ctx, { name: 'Rosa Delgado', email: 'rosa.long@example.com' });
		const client = await buildClient(ctx, {
			coach,
			name: 'Amara Osei',
			email: 'amara.long@example.com'
		});
		const me = await actorOf(ctx, client.userId);
		for (let week = 1; week <= WEEKS; week++) {
			await sharedEntry(ctx, me, `Week ${week}: I asked before I was tired.`);
			const { actionId } = await reportedAction(ctx, me, `Week ${week} went well.`);
			await closeAction(ctx, { actor: me, actionId });
		}
		clientPage = `/practices/${coach.practiceId}/clients/${client.userId}`;
	});
});

async function signedIn(email: string, javaScript: boolean): Promise<Page> {
	const page = await (await newContext(browser, javaScript)).newPage();
	await signInThroughForm(page, server.url, email, FACTORY_PASSWORD);
	return page;
}

describe.each([
	['on', true],
	['off', false]
])('a long history, JavaScript %s', (_, javaScript) => {
	it('shows the coach the latest ten of each, and all of it behind one link', async () => {
		const coach = await signedIn('rosa.long@example.com', javaScript);
		await coach.goto(server.url + clientPage);
		const main = () => coach.locator('main').textContent();
		expect(await main()).toContain(`Show all ${WEEKS} shared entries (${WEEKS - 10} earlier ones)`);
		expect(await main()).toContain(`Show the ${WEEKS - 10} earlier closed actions`);
		expect(await main()).not.toContain('Week 1 went well.');
		expect(await main()).toContain(`Week ${WEEKS} went well.`);
		await expectAccessible(coach);
		await fitsAPhone(coach);
		await coach.getByRole('link', { name: /Show the \d+ earlier closed actions/ }).click();
		await coach.waitForURL('**?history=all#report-backs');
		expect(await main()).toContain('Week 1 went well.');
		expect(await main()).toContain('Week 1: I asked before I was tired.');
		expect(await main()).not.toContain('Show all');
		await expectAccessible(coach);
	});

	it('lists the client their latest entries and closed actions, and the rest on asking', async () => {
		const client = await signedIn('amara.long@example.com', javaScript);
		await client.goto(server.url + '/journal');
		const main = () => client.locator('main').textContent();
		expect(await main()).toContain(`Show all your entries (${WEEKS - 20} older ones not listed)`);
		expect(await main()).not.toContain('Week 1: I asked');
		await client.getByRole('link', { name: /Show all your entries/ }).click();
		await client.waitForURL('**/journal?entries=all');
		expect(await main()).toContain('Week 1: I asked');
		await expectAccessible(client);

		await client.goto(server.url + '/actions');
		expect(await main()).toContain(`Show all closed actions (${WEEKS - 10} older ones not listed)`);
		await fitsAPhone(client);
		await client.getByRole('link', { name: /Show all closed actions/ }).click();
		await client.waitForURL('**/actions?closed=all#closed');
		expect(await client.locator('#closed + ul > li').count()).toBe(WEEKS);
		await expectAccessible(client);
	});
});
