import { DomainError } from '../../domain/errors.ts';
import { ANY_TEAM } from '../../domain/programs/any-team.ts';
import { STEP_KIND_NAMES, type ProgramStep } from '../../domain/programs/schema.ts';
import type { Actor } from '../../domain/policies.ts';
import type { Db } from '../db/create-db.ts';
import { editableProgram } from './access.ts';
import { listTeamsOfPractice } from '../teams/repository.ts';

/**
 * The practice's running (not archived) teams a team check-in step may name. Their names are
 * what the practice's list of teams already shows every coach of it (decision 0034); a program
 * step holds only the id.
 */
export async function runningTeamsOf(
	db: Db,
	practiceId: string
): Promise<{ id: string; name: string }[]> {
	const teams = await listTeamsOfPractice(db, practiceId);
	return teams
		.filter((t) => !t.archived_at)
		.map((t) => ({ id: t.id, name: t.name }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * A builder form that sends a team (only a team check-in step's form does) must name one of the
 * practice's running teams: refused beside the field otherwise, with what was typed kept. Checked
 * after the program itself, so someone who may not change it learns nothing about teams here.
 */
export async function requireTeamChoice(
	db: Db,
	target: { actor: Actor; practiceId: string; programId: string },
	values: Record<string, string>
): Promise<void> {
	if (values.team === undefined) return;
	await editableProgram(db, target.actor, target.programId, target.practiceId);
	const running = await runningTeamsOf(db, target.practiceId);
	if (running.some((t) => t.id === values.team)) return;
	if (values.team === ANY_TEAM && running.length) return;
	const message = running.length
		? 'Choose one of the practice’s teams.'
		: 'This practice has no running team yet. Create one on the Teams page first.';
	throw new DomainError('invalid_input', message, { fields: { team: message } });
}

/** A step's kind in words; a team check-in says which of the practice's teams it is for. */
export function kindNameOf(step: ProgramStep, teams: readonly { id: string; name: string }[]) {
	if (step.kind === 'team-check-in' && step.team === ANY_TEAM)
		return `${STEP_KIND_NAMES[step.kind]} with the client’s team`;
	const team = step.kind === 'team-check-in' && teams.find((t) => t.id === step.team);
	return team ? `${STEP_KIND_NAMES[step.kind]} with ${team.name}` : STEP_KIND_NAMES[step.kind];
}
