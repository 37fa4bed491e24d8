import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, fitsAPhone, newContext, signInThroughForm } from '../support/browser.ts';
import type { RunningServer } from '../support/server.ts';
import { useApp } from '../support/app.ts';
import { linkFrom, type Smtp } from '../support/smtp.ts';

const app = useApp({ smtp: true });
let browser: Browser, server: RunningServer, smtp: Smtp;
beforeAll(() => void ({ browser, server, smtp } = app));

const coachPassword = 'lanterns along the quay';

beforeAll(async () => {
	const created = server.cli(
		'create-user',
		'--email',
		'amara@example.com',
		'--name',
		'Amara Osei',
		'--kind',
		'coach',
		'--practice',
		'Osei Coaching',
		'--password',
		coachPassword
	);
	expect(created.status, created.stderr).toBe(0);
});

describe.each([
	{ mode: 'with JavaScript', javaScript: true },
	{ mode: 'without JavaScript', javaScript: false }
])('a coach invites a client by email, $mode', ({ javaScript }) => {
	const suffix = javaScript ? 'js' : 'nojs';
	const clientEmail = `jonas.${suffix}@example.com`;
	const revokedEmail = `ida.${suffix}@example.com`;
	let coach: Page;
	let invitationsUrl: string;

	async function invite(name: string, email: string) {
		await coach.getByLabel('Their name').fill(name);
		await coach.getByLabel('Their email address').fill(email);
		await coach.getByRole('button', { name: 'Send invitation' }).click();
		await expect
			.poll(() => coach.locator('.alert.success').first().textContent())
			.toContain(`Invitation sent to ${name} at ${email}.`);
	}

	beforeAll(async () => {
		coach = await (await newContext(browser, javaScript)).newPage();
		await signInThroughForm(coach, server.url, 'amara@example.com', coachPassword);
	});

	it('finds the invitations from the practice page and says what is wrong with an address', async () => {
		await coach.getByRole('link', { name: 'Open the practice' }).click();
		await coach.waitForURL(/\/practices\/[0-9a-f-]{36}$/);
		await coach.getByRole('link', { name: 'Invite someone, or follow your invitations' }).click();
		await coach.waitForURL('**/invitations');
		invitationsUrl = coach.url();
		await expectAccessible(coach);
		expect(await coach.getByRole('radio', { name: /A client\./ }).isChecked()).toBe(true);

		await coach.getByLabel('Their name').fill('Jonas Berg');
		await coach.getByLabel('Their email address').fill('jonas@');
		await coach.getByRole('button', { name: 'Send invitation' }).click();
		await expect
			.poll(() => coach.locator('#field-email-error').textContent())
			.toBe('Enter an email address like name@example.com.');
		expect(await coach.getByLabel('Their name').inputValue()).toBe('Jonas Berg');
		expect(await coach.getByLabel('Their email address').inputValue()).toBe('jonas@');
		await expectAccessible(coach);
	});

	it('sends the invitation through SMTP; the client creates an account from it and lands home', async () => {
		await invite('Jonas Berg', clientEmail);
		expect(await coach.locator('tbody tr', { hasText: clientEmail }).textContent()).toContain(
			'Waiting: the link works until'
		);
		await expectAccessible(coach);
		// The list scrolls in its own box on a phone; nothing in it (a button's hidden words)
		// widens the page.
		await fitsAPhone(coach);

		const mail = await smtp.waitFor((m) => m.to.includes(clientEmail));
		expect(mail.subject).toBe('Amara Osei invited you to Osei Coaching on Midpoint');
		expect(mail.text).toContain('Hello Jonas Berg,');
		expect(mail.text).toMatch(/It works once, until \d{1,2} \w+ \d{4}\./);
		const link = linkFrom(mail, '/invite');

		const client = await (await newContext(browser, javaScript)).newPage();
		await client.goto(link);
		await expectAccessible(client);
		expect(await client.locator('h1').textContent()).toBe(
			'Amara Osei invited you to Osei Coaching'
		);
		expect(await client.getByLabel('Your name').inputValue()).toBe('Jonas Berg');
		await client.getByLabel('Password').fill('too short');
		await client.getByRole('button', { name: 'Create my account and join' }).click();
		await expect
			.poll(() => client.locator('#field-password-error').textContent())
			.toBe('Use at least 12 characters (this one has 9).');
		expect(await client.getByLabel('Your name').inputValue()).toBe('Jonas Berg');
		await expectAccessible(client);

		await client.getByLabel('Password').fill('a lighthouse in the fog');
		await client.getByRole('button', { name: 'Create my account and join' }).click();
		await client.waitForURL('**/home');
		expect(await client.locator('main').textContent()).toContain(
			'You are working with Osei Coaching.'
		);
		await expectAccessible(client);

		await client.goto(server.url + '/account');
		expect(await client.locator('main').textContent()).toContain(
			'You work with Amara Osei in Osei Coaching.'
		);
		await expectAccessible(client);

		// The link is used up; the coach's list says so.
		await client.goto(link);
		expect(await client.locator('h1').textContent()).toBe('This invitation has already been used');
		await coach.goto(invitationsUrl);
		expect(await coach.locator('tbody tr', { hasText: clientEmail }).textContent()).toContain(
			'Accepted on'
		);
	});

	it('shows a friendly page for a revoked link', async () => {
		await invite('Ida Lund', revokedEmail);
		const link = linkFrom(await smtp.waitFor((m) => m.to.includes(revokedEmail)), '/invite');
		await coach.getByRole('button', { name: 'Revoke the invitation to Ida Lund' }).click();
		await expect
			.poll(() => coach.locator('.alert.success').first().textContent())
			.toBe(`The invitation to ${revokedEmail} is revoked: its link no longer works.`);
		expect(await coach.locator('tbody tr', { hasText: revokedEmail }).textContent()).toContain(
			'Revoked on'
		);
		await expectAccessible(coach);

		const stranger = await (await newContext(browser, javaScript)).newPage();
		await stranger.goto(link);
		expect(await stranger.locator('h1').textContent()).toBe('This invitation was withdrawn');
		expect(await stranger.locator('main').textContent()).toContain(
			'Amara Osei withdrew this invitation, so its link no longer works.'
		);
		await expectAccessible(stranger);
	});
});
