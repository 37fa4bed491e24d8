import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.ts';
import { can, type Actor } from '../../domain/policies.ts';
import { fieldErrors } from '../../domain/schemas/field-errors.ts';
import { teamSchema } from '../../domain/teams/rules.ts';
import type { AppContext } from '../context.ts';
import { requireActive, teamFor } from './access.ts';
import { insertTeam, markMemberLeft, updateTeam } from './repository.ts';

type Ctx = Pick<AppContext, 'db' | 'now'>;

function parseTeam(values: Record<string, string>) {
	const parsed = teamSchema.safeParse(values);
	if (!parsed.success)
		throw new DomainError('invalid_input', 'Please check the highlighted fields.', {
			fields: fieldErrors(parsed.error)
		});
	return parsed.data;
}

/** A coach of the practice creates a team, which they then run. */
export async function createTeam(
	ctx: Ctx,
	input: { actor: Actor; practiceId: string; values: Record<string, string> }
): Promise<{ id: string }> {
	if (!can(input.actor, 'team.create', { practiceId: input.practiceId }))
		throw new DomainError('forbidden', 'Only the coaches of this practice can create teams.');
	const { name, description } = parseTeam(input.values);
	const id = randomUUID();
	await insertTeam(ctx.db, {
		id,
		practice_id: input.practiceId,
		coach_id: input.actor.userId,
		name,
		description,
		lead_id: null,
		created_at: ctx.now().toISOString(),
		archived_at: null
	});
	return { id };
}

export async function describeTeam(
	ctx: Ctx,
	input: { actor: Actor; teamId: string; values: Record<string, string> }
): Promise<void> {
	const { team } = await teamFor(ctx.db, input.actor, input.teamId, 'team.manage');
	requireActive(team);
	const { name, description } = parseTeam(input.values);
	await updateTeam(ctx.db, team.id, { name, description });
}

/** Names a lead (a member like the others: no extra sight), or nobody with an empty choice. */
export async function nameLead(
	ctx: Ctx,
	input: { actor: Actor; teamId: string; leadId: string }
): Promise<void> {
	const { team, current } = await teamFor(ctx.db, input.actor, input.teamId, 'team.manage');
	requireActive(team);
	if (input.leadId && !current.some((m) => m.userId === input.leadId))
		throw new DomainError('invalid_input', 'Choose a lead among the people on the team now.', {
			fields: { leadId: 'Choose a lead among the people on the team now.' }
		});
	await updateTeam(ctx.db, team.id, { lead_id: input.leadId || null });
}

/** Takes someone off the team; their answers in closed rounds stay part of the team's history. */
export async function removeMember(
	ctx: Ctx,
	input: { actor: Actor; teamId: string; userId: string }
): Promise<string> {
	const { team, current } = await teamFor(ctx.db, input.actor, input.teamId, 'team.manage');
	requireActive(team);
	const member = current.find((m) => m.userId === input.userId);
	if (!member) throw new DomainError('invalid_input', 'That person is not on the team any more.');
	await ctx.db.transaction().execute(async (trx) => {
		await markMemberLeft(trx, team.id, member.userId, ctx.now().toISOString());
		if (team.lead_id === member.userId) await updateTeam(trx, team.id, { lead_id: null });
	});
	return member.name;
}

/** Archives the team: it stays readable, with its history, and nothing more changes. */
export async function archiveTeam(ctx: Ctx, input: { actor: Actor; teamId: string }) {
	const { team } = await teamFor(ctx.db, input.actor, input.teamId, 'team.manage');
	requireActive(team);
	await updateTeam(ctx.db, team.id, { archived_at: ctx.now().toISOString() });
}
