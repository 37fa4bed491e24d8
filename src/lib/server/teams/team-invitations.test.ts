import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCoach } from '../../../../tests/factories/accounts.ts';
import { buildTeam, teamTokens } from '../../../../tests/factories/teams.ts';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { inviteMember } from './invite-member.ts';
import { viewTeamInvitation } from './join-team.ts';
import { getTeamManagement } from './list-teams.ts';
import { resendTeamInvitation, withdrawTeamInvitation } from './team-invitations.ts';

const DAY = 24 * 3600_000;
const baseUrl = 'http://localhost:3000';

describe.each(testDialects())("a team's invitations on %s", (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});

	async function invited() {
		const coach = await buildCoach(t.ctx, { name: 'Rosa Coach' });
		const team = await buildTeam(t.ctx, coach, ['Ana Ruiz', 'Ben Cole'], 'Harbour crew');
		await inviteMember(t.ctx, {
			actor: team.coachActor,
			teamId: team.teamId,
			values: { name: 'Larry', email: 'larry@example.com' },
			baseUrl
		});
		const firstToken = (await teamTokens(t.ctx)).get('larry@example.com')!;
		const listed = await getTeamManagement(t.ctx, { actor: team.coachActor, teamId: team.teamId });
		const invitationId = listed.invitations.find((i) => i.email === 'larry@example.com')!.id;
		return { coach, ...team, firstToken, invitationId };
	}

	it('sends again with a new link for the full period, and the old link stops working', async () => {
		const { coachActor, teamId, firstToken, invitationId } = await invited();
		t.clock.advance(20 * DAY); // the first invitation has run out
		await expect(viewTeamInvitation(t.ctx, firstToken)).rejects.toThrow('ran out');
		const sent = await resendTeamInvitation(t.ctx, {
			actor: coachActor,
			teamId,
			invitationId,
			baseUrl
		});
		const newToken = (await teamTokens(t.ctx)).get('larry@example.com')!;
		expect(newToken).not.toBe(firstToken);
		expect((await viewTeamInvitation(t.ctx, newToken)).teamName).toBe('Harbour crew');
		await expect(viewTeamInvitation(t.ctx, firstToken)).rejects.toThrow();
		expect(Date.parse(sent.expires_at) - t.clock.now().getTime()).toBeGreaterThan(13 * DAY);
		const listed = await getTeamManagement(t.ctx, { actor: coachActor, teamId });
		expect(listed.invitations.find((i) => i.id === invitationId)).toMatchObject({ expired: false });
	});

	it('withdraws an invitation: its link stops working and the list no longer shows it', async () => {
		const { coachActor, teamId, firstToken, invitationId } = await invited();
		await withdrawTeamInvitation(t.ctx, { actor: coachActor, teamId, invitationId });
		await expect(viewTeamInvitation(t.ctx, firstToken)).rejects.toThrow();
		const listed = await getTeamManagement(t.ctx, { actor: coachActor, teamId });
		expect(listed.invitations.map((i) => i.email)).not.toContain('larry@example.com');
		// A second press, or a resend of what is withdrawn, says so and changes nothing.
		await expect(
			withdrawTeamInvitation(t.ctx, { actor: coachActor, teamId, invitationId })
		).rejects.toThrow('no longer open');
		await expect(
			resendTeamInvitation(t.ctx, { actor: coachActor, teamId, invitationId, baseUrl })
		).rejects.toThrow('no longer open');
	});

	it("refuses a member of the team and another coach, and another team's invitation", async () => {
		const { teamId, members, invitationId, firstToken } = await invited();
		const other = await buildCoach(t.ctx, { name: 'Other Coach' });
		const otherTeam = await buildTeam(t.ctx, other, ['Zed Zee'], 'Other crew');
		for (const actor of [members[0]!.actor, otherTeam.coachActor])
			await expect(
				withdrawTeamInvitation(t.ctx, { actor, teamId, invitationId })
			).rejects.toMatchObject({ code: 'not_found' });
		await expect(
			withdrawTeamInvitation(t.ctx, {
				actor: otherTeam.coachActor,
				teamId: otherTeam.teamId,
				invitationId
			})
		).rejects.toThrow('no longer open');
		// Nothing changed: the link still works.
		expect((await viewTeamInvitation(t.ctx, firstToken)).teamName).toBe('Harbour crew');
	});
});
