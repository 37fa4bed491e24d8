// The coach's workspace end to end, as issue 5 tells it: a coach invites a client (the email
// arrives through SMTP), the client accepts, takes the assessment, shares one entry and keeps
// another private; the coach sees the shared entry and not the private one, and replies; the
// client sees the reply. The roster says the right thing at each step. JavaScript on and off,
// axe on every page.
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, newContext, signInThroughForm } from '../support/browser.ts';
import type { RunningServer } from '../support/server.ts';
import { useApp } from '../support/app.ts';
import { linkFrom, type Smtp } from '../support/smtp.ts';
import { answerScoring } from '../../src/lib/domain/scoring/reverse-keying.ts';

const app = useApp({ smtp: true });
let browser: Browser, server: RunningServer, smtp: Smtp;
beforeAll(() => void ({ browser, server, smtp } = app));

const coachEmail = 'noor@example.com';
const coachPassword = 'tide tables and tea';

beforeAll(async () => {
	const created = server.cli(
		'create-user',
		'--email',
		coachEmail,
		'--name',
		'Noor Haddad',
		'--kind',
		'coach',
		'--practice',
		'Haddad Coaching',
		'--password',
		coachPassword
	);
	expect(created.status, created.stderr).toBe(0);
});

/** Answers a page of the assessment: leaning independent, so the result is clearly on one side. */
async function answerPage(page: Page) {
	const firsts = await page.locator('fieldset.item input[type=radio][value="1"]').all();
	for (const name of await Promise.all(firsts.map((input) => input.getAttribute('name')))) {
		const scale = name!.split('_')[1];
		const value = name === 'ATTN_1' ? 4 : scale === 'IND' ? 5 : scale === 'DEP' ? 1 : 3;
		const answer = answerScoring(name!, value);
		await page.locator(`input[name="${name}"][value="${answer}"]`).check();
	}
}

describe.each([
	{ mode: 'with JavaScript', javaScript: true, name: 'Lina Park', email: 'lina@example.com' },
	{ mode: 'without JavaScript', javaScript: false, name: 'Tomas Reyes', email: 'tomas@example.com' }
])('a coach brings in a client and they talk it over, $mode', ({ javaScript, name, email }) => {
	const first = name.split(' ')[0]!;
	const sharedText = `${first}: I let my sister plan the trip with me, and it was lighter.`;
	const privateText = `${first}: something I am not ready to tell anyone yet.`;
	const reply = `${first}, what made it feel lighter this time?`;
	let coach: Page;
	let client: Page;
	let roster: string;

	/** The coach's roster row for this client. */
	async function rosterRow(): Promise<string> {
		await coach.goto(roster);
		await expectAccessible(coach);
		return (await coach.locator('table.roster tbody tr', { hasText: name }).textContent()) ?? '';
	}

	beforeAll(async () => {
		coach = await (await newContext(browser, javaScript)).newPage();
		await signInThroughForm(coach, server.url, coachEmail, coachPassword);
		await coach.getByRole('link', { name: 'Open the practice' }).click();
		await coach.waitForURL(/\/practices\/[0-9a-f-]{36}$/);
		roster = coach.url();
	});

	it('invites the client; the email arrives; the client accepts and is on the roster', async () => {
		await coach.getByRole('link', { name: 'Invite someone, or follow your invitations' }).click();
		await coach.waitForURL('**/invitations');
		await coach.getByLabel('Their name').fill(name);
		await coach.getByLabel('Their email address').fill(email);
		await coach.getByRole('button', { name: 'Send invitation' }).click();
		await expect
			.poll(() => coach.locator('.alert.success').first().textContent())
			.toContain(`Invitation sent to ${name}`);
		await expectAccessible(coach);

		const mail = await smtp.waitFor((m) => m.to.includes(email));
		expect(mail.subject).toBe('Noor Haddad invited you to Haddad Coaching on Midpoint');
		client = await (await newContext(browser, javaScript)).newPage();
		await client.goto(linkFrom(mail, '/invite'));
		await expectAccessible(client);
		await client.getByLabel('Password').fill('a kite over the dunes');
		await client.getByRole('button', { name: 'Create my account and join' }).click();
		await client.waitForURL('**/home');
		await expectAccessible(client);

		const row = await rosterRow();
		expect(row).toContain('no result yet');
		expect(row).not.toContain('new shared');
	});

	it('the client takes the assessment; the roster shows where they stand', async () => {
		await client.getByRole('link', { name: 'Take the assessment' }).first().click();
		await client.getByRole('button', { name: 'Start the assessment' }).click();
		for (let n = 1; n <= 6; n++) {
			await client.waitForURL(`**/page/${n}`);
			await answerPage(client);
			await client
				.getByRole('button', { name: n === 6 ? 'Save and see my result' : 'Save and continue' })
				.click();
		}
		await client.waitForURL('**/assessment/*?done=1');
		await expectAccessible(client);

		const row = await rosterRow();
		expect(row).toContain('leans independent');
		expect(row).not.toContain('no result yet');
	});

	it('the client shares one entry and keeps another private; the roster marks one new entry', async () => {
		for (const [text, share] of [
			[sharedText, true],
			[privateText, false]
		] as const) {
			await client.goto(`${server.url}/journal`);
			await client
				.getByRole('link', { name: 'When does standing on your own turn into going it alone?' })
				.click();
			await client
				.getByLabel('When does standing on your own turn into going it alone?')
				.fill(text);
			if (javaScript) {
				await expect
					.poll(() => client.getByRole('status').last().textContent(), { timeout: 10_000 })
					.toMatch(/Saved at/);
				await client.waitForURL(/\/journal\/[0-9a-f-]{36}$/);
			} else {
				await client.getByRole('button', { name: 'Save' }).click();
				await client.waitForURL(/\/journal\/[0-9a-f-]{36}\?saved=1$/);
			}
			if (share) {
				await client.getByRole('button', { name: 'Share this entry with my coach' }).click();
				await expect
					.poll(() => client.locator('main').textContent())
					.toContain('Shared with your coach');
			}
			await expectAccessible(client);
		}
		expect(await rosterRow()).toContain('1 new shared entry');
	});

	it('the coach sees the shared entry and not the private one, and replies', async () => {
		await coach.goto(roster);
		await coach.getByRole('link', { name }).click();
		await coach.waitForURL(/\/clients\//);
		await expectAccessible(coach);
		const main = (await coach.locator('main').textContent()) ?? '';
		expect(main).toContain(sharedText);
		expect(main).not.toContain(privateText);

		await coach.getByLabel(`Your reply to ${first} on this journal entry`).fill(reply);
		await coach.getByRole('button', { name: 'Send reply' }).first().click();
		await expect.poll(() => coach.locator('main').textContent()).toContain(reply);
		await expectAccessible(coach);

		// Opening the client cleared what was new.
		expect(await rosterRow()).not.toContain('new shared');
	});

	it('the coach chooses how often the digest comes, on the roster page', async () => {
		// The same coach in both runs: the first picks mornings, the second never.
		const choice = javaScript ? 'Every morning' : 'Never: I will look here myself';
		const before = javaScript ? 'Every Monday morning' : 'Every morning';
		await coach.goto(roster);
		expect(await coach.getByRole('radio', { name: before }).isChecked()).toBe(true);
		await coach.getByRole('radio', { name: choice }).check();
		await coach.getByRole('button', { name: 'Save digest' }).click();
		await expect.poll(() => coach.locator('#digest').textContent()).toContain('Saved.');
		await coach.goto(roster);
		expect(await coach.getByRole('radio', { name: choice }).isChecked()).toBe(true);
		await expectAccessible(coach);
	});

	it('the client is emailed, without the words, and reads the reply on their entry', async () => {
		const mail = await smtp.waitFor((m) => m.to.includes(email) && /replied/i.test(m.subject));
		expect(mail.text).not.toContain(reply);
		// The journal marks the entry with a new reply until it is read.
		await client.goto(`${server.url}/journal`);
		expect(await client.getByRole('link', { name: 'A new reply from your coach' }).count()).toBe(1);
		await expectAccessible(client);
		await client.goto(linkFrom(mail, '/journal'));
		expect(await client.locator('main').textContent()).toContain(reply);
		await expectAccessible(client);
		await client.goto(`${server.url}/journal`);
		expect(await client.getByRole('link', { name: 'A new reply from your coach' }).count()).toBe(0);
	});

	it('the client makes the entry private again, and the coach no longer reads it', async () => {
		await client.goto(`${server.url}/journal`);
		await client
			.locator('.entries li', { hasText: 'Shared with your coach' })
			.first()
			.locator('a')
			.first()
			.click();
		await client.waitForURL(/\/journal\/[0-9a-f-]{36}$/);
		await client.getByRole('button', { name: 'Make it private again' }).click();
		await expect
			.poll(() => client.locator('.sharing').textContent())
			.toContain('Only you can read this entry.');
		await expectAccessible(client);
		await coach.goto(roster);
		await coach.getByRole('link', { name }).click();
		await coach.waitForURL(/\/clients\//);
		expect(await coach.locator('main').textContent()).not.toContain(sharedText);
	});

	it('the client shares it again and leaves the practice: the entry says nobody reads it now', async () => {
		await client.getByRole('button', { name: 'Share this entry with my coach' }).click();
		await expect
			.poll(() => client.locator('.sharing').textContent())
			.toContain('Shared with your coach');
		const entry = client.url().split('?')[0]!;
		await client.goto(`${server.url}/account`);
		await client.getByLabel(/Yes, I want to leave/).check();
		await client.getByRole('button', { name: 'Leave the practice' }).click();
		await client.waitForLoadState('networkidle');
		await client.goto(`${server.url}/journal`);
		expect(await client.locator('.entries').textContent()).toContain(
			'Marked as shared (no coach reads it now)'
		);
		await client.goto(entry);
		const sharing = (await client.locator('.sharing').textContent())?.replace(/\s+/g, ' ');
		expect(sharing).toContain('you have no coach now, so nobody else reads it');
		expect(await client.getByRole('button', { name: 'Make it private again' }).count()).toBe(1);
		await expectAccessible(client);
	});
});
