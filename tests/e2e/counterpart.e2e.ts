import { randomUUID } from 'node:crypto';
import ICAL from 'ical.js';
import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, fitsAPhone, newContext, signInThroughForm } from '../support/browser.ts';
import { HttpClient } from '../support/http.ts';
import type { RunningServer } from '../support/server.ts';
import { useApp } from '../support/app.ts';
import { linkFrom, type Smtp } from '../support/smtp.ts';

const app = useApp({ smtp: true });
let browser: Browser, server: RunningServer, smtp: Smtp;
beforeAll(() => void ({ browser, server, smtp } = app));

describe('the other person confirms an action through an emailed link', () => {
	it('arrives by email, is answered without an account, and shows on the action', async () => {
		const password = 'kettle on, door open';
		expect(
			server.cli(
				'create-user',
				'--email',
				'leila@example.com',
				'--name',
				'Leila Haddad',
				'--kind',
				'client',
				'--password',
				password
			).status
		).toBe(0);
		const client = await (await newContext(browser, true)).newPage();
		await signInThroughForm(client, server.url, 'leila@example.com', password);

		await client.goto(server.url + '/actions/new');
		await client
			.getByRole('button', { name: /^Use this idea/ })
			.first()
			.click();
		await client.waitForURL('**/actions/new?suggestion=*');
		await client.getByLabel('With whom?').fill('Sam');
		await client
			.getByLabel('Their email address (optional)')
			.fill('sam.okonkwo-whitfield@example.com');
		await client.getByRole('radio', { name: /^By a date/ }).check();
		await client
			.getByLabel('Date (if you chose a date)')
			.fill(new Date(Date.now() + 86_400_000).toISOString().slice(0, 10));
		await client.getByRole('button', { name: 'Commit to this action' }).click();
		await client.waitForURL('**/actions/*?saved=created*');
		const actionPath = new URL(client.url()).pathname;
		// The action's facts (with a long address) wrap on a phone instead of widening the page.
		await fitsAPhone(client);
		const ics = await client.request.get(`${server.url}${actionPath}/calendar.ics`);
		expect(ics.headers()['content-type']).toBe('text/calendar; charset=utf-8');
		const event = new ICAL.Event(
			new ICAL.Component(ICAL.parse(await ics.text())).getFirstSubcomponent('vevent')!
		);
		expect(event.summary).toMatch(/\(with Sam\)$/);
		expect(event.startDate.isDate).toBe(true);
		await client.getByRole('button', { name: 'Ask Sam by email' }).click();
		await expect
			.poll(() => client.locator('#other-person').locator('..').textContent())
			.toContain('Sent. You will see the answer here.');
		// While the link is open there is no second email to send: the page says why.
		expect(await client.getByRole('button', { name: 'Ask Sam by email' }).count()).toBe(0);
		expect(await client.locator('section.other').textContent()).toMatch(
			/You asked Sam on \d+ \w+ \d{4}\. That link works until/
		);

		const mail = await smtp.waitFor((m) => m.to.includes('sam.okonkwo-whitfield@example.com'));
		expect(mail.subject).toBe('Leila asked you about something you did together');
		const link = new URL(linkFrom(mail, '/confirm')).pathname;

		// Sam has no account and no JavaScript.
		const sam = await (await newContext(browser, false)).newPage();
		await sam.goto(server.url + link);
		await expectAccessible(sam);
		expect(await sam.locator('h1').textContent()).toBe('Did it happen?');
		const before = (await sam.locator('main').textContent()) ?? '';
		expect(before).not.toContain('Haddad');
		// Who reads the answer is said before the form, not under its button.
		expect(before.indexOf('goes to Leila, and to their coach')).toBeGreaterThan(-1);
		expect(before.indexOf('goes to Leila')).toBeLessThan(before.indexOf('Did it happen?', 20));
		expect(mail.text).toContain('and to their coach if they have one');
		await sam.getByRole('button', { name: 'Send my answer' }).click();
		await expect
			.poll(() => sam.locator('fieldset p.error').first().textContent())
			.toBe('Say whether it happened.');
		await expectAccessible(sam);
		// Only the second question missing: the focus goes to it.
		await sam.getByRole('radio', { name: 'Yes' }).check();
		await sam.getByRole('button', { name: 'Send my answer' }).click();
		await expect
			.poll(() => sam.evaluate(() => (document.activeElement as HTMLInputElement).name))
			.toBe('mutuality');
		await sam.getByRole('radio', { name: 'Yes' }).check();
		await sam.getByRole('radio', { name: '4: Mostly' }).check();
		await sam
			.getByLabel('Anything you would like to add? (optional)')
			.fill('We should do it again.');
		await sam.getByRole('button', { name: 'Send my answer' }).click();
		await expect.poll(() => sam.locator('h1').textContent()).toBe('Thank you');
		expect(await sam.locator('main').textContent()).toContain(
			'Your answer is on its way to Leila.'
		);

		await sam.goto(server.url + link);
		expect(await sam.locator('main').textContent()).toContain('already been used');

		await client.reload();
		const view = await client.locator('section.other').textContent();
		expect(view).toContain('Sam answered:');
		expect(view).toContain('it happened');
		expect(view).toContain('4 of 5 mutual');
		expect(view).toMatch(/4 of 5 mutual\.\s+We should do it again\./);
		// A one-off action is asked about once Sam has answered: no more emails to Sam.
		expect(view).toContain('Sam has answered about this action.');
		expect(await client.getByRole('button', { name: 'Ask Sam by email' }).count()).toBe(0);
		await expectAccessible(client);
	});
});

describe('reminders', () => {
	it('emails the client through SMTP when a report-back comes due, once', async () => {
		const password = 'bells at the harbour';
		expect(
			server.cli(
				'create-user',
				'--email',
				'rumi@example.com',
				'--name',
				'Rumi',
				'--kind',
				'client',
				'--password',
				password
			).status
		).toBe(0);
		const http = new HttpClient(server.url);
		await http.signIn('rumi@example.com', password);
		const today = new Date().toISOString().slice(0, 10);
		const created = await http.post('/actions/new', {
			key: randomUUID(),
			suggestion: '',
			what: 'Ask my neighbour to water the plants while I am away',
			withName: 'Mo',
			withEmail: '',
			domain: 'FRI',
			kind: 'ask-help',
			discipline: 'discernment',
			schedule: 'date',
			dueOn: today,
			weekday: ''
		});
		expect(created.status).toBe(303);
		// Rumi's first sign-in also sends a new-device notice: the reminder is the other email.
		const reminder = (m: { to: string[]; subject: string }) =>
			m.to.includes('rumi@example.com') && m.subject.startsWith('Time to report back');
		const mail = await smtp.waitFor(reminder);
		expect(mail.subject).toBe(
			'Time to report back: Ask my neighbour to water the plants while I am away'
		);
		expect(mail.text).toMatch(/\/actions\/[0-9a-f-]{36}#report/);
		// Look for due report-backs once more, now: the reminder is known to be sent, so none is
		// queued again. Once no email waits in the queue or is being sent, what arrived is all.
		const scan = server.cli('jobs', 'run-once');
		expect(scan.status).toBe(0);
		expect(scan.stdout).toContain('Reminders queued: 0.');
		await expect
			.poll(
				() =>
					server.query<{ n: number }>(
						'select count(*) as n from jobs where done_at is null and failed_at is null'
					)[0]!.n
			)
			.toBe(0);
		expect(smtp.mails.filter(reminder)).toHaveLength(1);
	});
});
