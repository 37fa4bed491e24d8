// Steps Midpoint detects (decision 0038): a client on "take the assessment" finishes it and their
// home shows the next step without marking anything; a coach chooses a team for a team
// check-in, and is told when that team is gone. JavaScript on and off, axe, 360 px.
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/lib/domain/policies.ts';
import type { AppContext } from '../../src/lib/server/context.ts';
import { importProgram } from '../../src/lib/server/programs/create-program.ts';
import { enrolClients } from '../../src/lib/server/programs/enrol.ts';
import { publishProgram } from '../../src/lib/server/programs/publish-program.ts';
import { completeMyStep } from '../../src/lib/server/programs/follow.ts';
import { createTeam } from '../../src/lib/server/teams/manage-team.ts';
import { FACTORY_PASSWORD } from '../factories/accounts.ts';
import { practice, program, reading } from '../factories/programs.ts';
import { useApp } from '../support/app.ts';
import { takeWholeAssessment } from '../support/assessment-pages.ts';
import { expectAccessible, fitsAPhone, newContext, signInThroughForm } from '../support/browser.ts';
import type { RunningServer } from '../support/server.ts';
import { inServerDb } from '../support/server-db.ts';

const app = useApp();
let browser: Browser, server: RunningServer;
beforeAll(() => void ({ browser, server } = app));

const inServer = <T>(run: (ctx: AppContext) => Promise<T>) => inServerDb(server, run);
const cardText = async (page: Page) =>
	((await page.locator('section:has(#program-heading)').textContent()) ?? '').replace(/\s+/g, ' ');

/** Cole's program, published, as a file he imported: `steps`, under `title`. */
async function published(
	ctx: AppContext,
	coach: Actor,
	p: string,
	doc: ReturnType<typeof program>
) {
	const { id } = await importProgram(ctx, {
		actor: coach,
		practiceId: p,
		text: JSON.stringify(doc)
	});
	await publishProgram(ctx, { actor: coach, practiceId: p, programId: id });
	return id;
}

describe.each([true, false])('program steps Midpoint detects, JavaScript %s', (javaScript) => {
	it('moves a client past "take the assessment" once they finish it, with nothing to mark', async () => {
		const cleo = await inServer(async (ctx) => {
			const cast = await practice(ctx);
			const doc = program(
				[
					{
						id: 'assess',
						title: 'Where you stand now',
						kind: 'assessment',
						intro: 'Take the assessment to see where you stand today.',
						delivery: { rule: 'right-away' },
						dueDays: 7
					},
					reading('after', { rule: 'after-previous' })
				],
				'Start here'
			);
			const programId = await published(ctx, cast.coach, cast.p, doc);
			const startOn = ctx.now().toISOString().slice(0, 10);
			await enrolClients(ctx, {
				actor: cast.coach,
				practiceId: cast.p,
				programId,
				clientIds: [cast.cleo.userId],
				startOn
			});
			return cast.emails.cleo;
		});
		const page = await (await newContext(browser, javaScript)).newPage();
		await signInThroughForm(page, server.url, cleo, FACTORY_PASSWORD);
		await page.goto(`${server.url}/home`, { waitUntil: 'networkidle' });
		expect(await cardText(page)).toContain('Now: step 1, “Where you stand now”');

		await page.getByRole('link', { name: 'Open your program' }).click();
		await page.waitForLoadState('networkidle');
		const main = page.locator('main');
		expect(await main.textContent()).toContain(
			'marked done by itself once you finish the assessment'
		);
		expect(await page.getByRole('button', { name: /Mark this step done/ }).count()).toBe(0);
		await expectAccessible(page);
		await fitsAPhone(page);

		await main.getByRole('link', { name: 'Take the assessment' }).click();
		await page.waitForLoadState('networkidle');
		await takeWholeAssessment(page);

		await page.goto(`${server.url}/home`, { waitUntil: 'networkidle' });
		const card = await cardText(page);
		expect(card).toContain('Start here: 1 of 2 steps done.');
		expect(card).toContain('Now: step 2, “Reading after”');
		await expectAccessible(page);
		await fitsAPhone(page);
		await page.context().close();
	}, 180_000);

	it('lets a coach choose the team of a team check-in, says so when it is gone, and lets the client move on', async () => {
		const { p, programId, teamId, cole, cleo, coach } = await inServer(async (ctx) => {
			const cast = await practice(ctx);
			const { id: teamId } = await createTeam(ctx, {
				actor: cast.coach,
				practiceId: cast.p,
				values: { name: 'Harbour crew', description: 'The night shift' }
			});
			const doc = program([reading('first', { rule: 'right-away' })], 'With the team');
			const { id } = await importProgram(ctx, {
				actor: cast.coach,
				practiceId: cast.p,
				text: JSON.stringify(doc)
			});
			const cleo = { email: cast.emails.cleo, id: cast.cleo.userId, actor: cast.cleoA };
			return { p: cast.p, programId: id, teamId, cole: cast.emails.cole, cleo, coach: cast.coach };
		});
		const page = await (await newContext(browser, javaScript)).newPage();
		await signInThroughForm(page, server.url, cole, FACTORY_PASSWORD);
		const builder = `${server.url}/practices/${p}/programs/${programId}`;
		await page.goto(builder, { waitUntil: 'networkidle' });
		await page.getByLabel('Kind of step').selectOption({ label: 'Team check-in' });
		await page.getByRole('button', { name: 'Choose' }).click();
		await page.waitForLoadState('networkidle');
		await page.getByLabel('Step title').fill('Check in with the crew');
		await page.getByLabel('Introduction').fill('Say who you lean on this month.');
		// Adding it without a team is refused beside the field, with what was typed kept.
		await page.getByRole('button', { name: 'Add the step' }).click();
		await page.waitForLoadState('networkidle');
		expect(await page.locator('#field-team-error').textContent()).toContain('Choose one of');
		expect(await page.getByLabel('Step title').inputValue()).toBe('Check in with the crew');
		await expectAccessible(page);
		// One program can serve every team: a step for whichever team the client is on.
		expect(
			await page.getByLabel('Team', { exact: true }).locator('option').allTextContents()
		).toEqual(['Choose a team', 'Whichever team the client is on', 'Harbour crew']);
		await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Harbour crew' });
		await page.getByRole('button', { name: 'Add the step' }).click();
		await page.waitForLoadState('networkidle');
		expect(await page.getByRole('status').textContent()).toContain('Step added.');
		expect(await page.locator('main').textContent()).toContain('Team check-in with Harbour crew');
		await page.getByRole('button', { name: 'Publish version 1' }).click();
		await page.waitForLoadState('networkidle');
		expect(await page.getByRole('status').textContent()).toContain('Published as version 1');

		// Cleo is enrolled and has done the first step; then the team goes with its coach's
		// account, and the builder says so on the step.
		await inServer(async (ctx) => {
			const startOn = ctx.now().toISOString().slice(0, 10);
			const target = { actor: coach, practiceId: p, programId };
			await enrolClients(ctx, { ...target, clientIds: [cleo.id], startOn });
			await completeMyStep(ctx, { actor: cleo.actor, stepId: 'first' });
			await ctx.db.deleteFrom('teams').where('id', '=', teamId).execute();
		});
		await page.goto(builder, { waitUntil: 'networkidle' });
		const step = page.locator('li', {
			has: page.getByRole('heading', { name: 'Check in with the crew' })
		});
		expect(await step.textContent()).toContain('no longer runs in this practice');
		await expectAccessible(page);
		await fitsAPhone(page);
		await page.context().close();

		// Cleo is not stuck: she is told, and moves on herself.
		const client = await (await newContext(browser, javaScript)).newPage();
		await signInThroughForm(client, server.url, cleo.email, FACTORY_PASSWORD);
		await client.goto(`${server.url}/program`, { waitUntil: 'networkidle' });
		expect(await client.locator('main').textContent()).toContain('is not running for you');
		await expectAccessible(client);
		await fitsAPhone(client);
		await client.getByRole('button', { name: 'Move on to the next step' }).click();
		await client.waitForLoadState('networkidle');
		expect(await client.getByRole('status').textContent()).toContain('Skipped.');
		expect(await client.locator('main').textContent()).toContain('You have finished every step');
		await client.context().close();
	}, 150_000);
});
