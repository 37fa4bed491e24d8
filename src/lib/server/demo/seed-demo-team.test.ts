import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import type { Actor } from '../../domain/policies.ts';
import { createSession, resolveSession } from '../auth/sessions.ts';
import { listPracticeTeams } from '../teams/list-teams.ts';
import { getTeamPage } from '../teams/view-team.ts';
import { findUserByEmail } from '../users/repository.ts';
import { seedDemo } from './seed-demo.ts';

describe.each(testDialects())('the demo team on %s', (dialect) => {
	let t: TestContext;
	beforeAll(async () => {
		t = await createTestContext(dialect);
		await seedDemo(t.ctx);
	});
	afterAll(async () => {
		await t?.dispose();
	});

	async function actorFor(email: string): Promise<Actor> {
		const user = (await findUserByEmail(t.ctx.db, email))!;
		const { token } = await createSession(t.ctx, user.id);
		return (await resolveSession(t.ctx, token))!.actor;
	}

	it('gives Rosa a team of eight with two closed check-ins, one isolated person and one bottleneck', async () => {
		const rosa = await actorFor('rosa@demo.midpoint.local');
		const [team] = await listPracticeTeams(t.ctx, {
			actor: rosa,
			practiceId: Object.keys(rosa.practices)[0]!
		});
		expect(team).toMatchObject({ name: 'Harbour Operations', members: 8, mine: true });
		const page = await getTeamPage(t.ctx, { actor: rosa, teamId: team!.id });
		expect(page.team.leadName).toBe('Ana Lima');
		expect(page.trail.map((r) => [r.round, r.completed, r.isolates])).toEqual([
			[1, 8, 2],
			[2, 8, 1]
		]);
		expect(page.trail[1]!.reciprocity!).toBeGreaterThan(page.trail[0]!.reciprocity!);
		const network = page.map!.network!;
		const name = (id: string) => network.people.find((p) => p.id === id)!.name;
		expect(network.team.isolates.map(name)).toEqual(['Hal Okafor']);
		expect(network.team.bottlenecks.map(name)).toEqual(['Gus Tanaka']);
		expect(page.map!.overall.named.map((d) => d.name)).toEqual([
			'Gus Tanaka',
			'Ana Lima',
			'Dee Mensah',
			'Flo Brandt'
		]);
	});

	it('lets a colleague sign in and see the map, without the network', async () => {
		const hal = await actorFor('hal.okafor@demo.midpoint.local');
		const rosa = await actorFor('rosa@demo.midpoint.local');
		const [team] = await listPracticeTeams(t.ctx, {
			actor: rosa,
			practiceId: Object.keys(rosa.practices)[0]!
		});
		const page = await getTeamPage(t.ctx, { actor: hal, teamId: team!.id });
		expect(page.viewer).toBe('member');
		expect(page.map!.network).toBeNull();
		expect(page.map!.own).toEqual({ overall: -70, team: -77 });
	});
});
