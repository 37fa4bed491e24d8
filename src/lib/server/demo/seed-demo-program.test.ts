import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { addDays, todayFor } from '../../domain/actions/dates.ts';
import type { Actor } from '../../domain/policies.ts';
import { createSession, resolveSession } from '../auth/sessions.ts';
import { getPracticePage } from '../practices/get-practice-page.ts';
import { getMyProgram } from '../programs/follow.ts';
import { getProgramsPage } from '../programs/pages.ts';
import { findUserByEmail } from '../users/repository.ts';
import { seedDemo } from './seed-demo.ts';

describe.each(testDialects())('the demo program on %s', (dialect) => {
	let t: TestContext;
	let rosa: Actor;
	let practiceId: string;
	beforeAll(async () => {
		t = await createTestContext(dialect);
		await seedDemo(t.ctx);
		rosa = await actorFor('rosa@demo.midpoint.local');
		practiceId = Object.keys(rosa.practices)[0]!;
	});
	afterAll(async () => {
		await t?.dispose();
	});

	async function actorFor(email: string): Promise<Actor> {
		const user = (await findUserByEmail(t.ctx.db, email))!;
		const { token } = await createSession(t.ctx, user.id);
		return (await resolveSession(t.ctx, token))!.actor;
	}

	it('gives Rosa her own published copy of the built-in program, with a reading and a delay', async () => {
		const page = await getProgramsPage(t.ctx, { actor: rosa, practiceId });
		expect(page.programs.map((p) => [p.title, p.latestVersion, p.mine])).toEqual([
			["The middle path, Rosa's way", 1, true]
		]);
	});

	it('shows three clients at different steps on the roster, Ben at risk', async () => {
		const { roster } = await getPracticePage(t.ctx, {
			actor: rosa,
			practiceId,
			query: { sort: 'name', filter: 'all', search: '', page: 1, scope: 'mine' }
		});
		const column = Object.fromEntries(
			roster!.rows.map((r) => [
				r.name,
				r.program && [r.program.stepNumber, r.program.total, r.program.progressName]
			])
		);
		expect(column).toEqual({
			'Amara Osei': [6, 7, 'On track'],
			'Ben Whitaker': [2, 7, 'At risk'],
			'Chen Li': [3, 7, 'On track'],
			'Dana Kowalski': null,
			'Elif Yilmaz': null,
			'Farid Haddad': null
		});
	});

	it('shows Amara her next step, held two days after the one she did yesterday', async () => {
		const amara = await actorFor('amara@demo.midpoint.local');
		const mine = (await getMyProgram(t.ctx, { actor: amara }))!;
		expect(mine).toMatchObject({
			title: "The middle path, Rosa's way",
			done: 5,
			current: {
				number: 6,
				open: false,
				when: { at: `${addDays(todayFor(t.ctx.now()), 1)}T19:00:00.000Z` },
				step: { title: 'Choose a small action' }
			}
		});
	});
});
