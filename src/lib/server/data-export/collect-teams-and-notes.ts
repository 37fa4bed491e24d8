import { figure } from '../../domain/export/figures.ts';
import type { PersonExport } from '../../domain/export/person-export-schema.ts';
import { LEVEL_TEXT, QUESTION_TEXT, type Level, type Question } from '../../domain/teams/rules.ts';
import type { AppContext } from '../context.ts';
import { coachCipher, toNote } from '../coach-notes/note-access.ts';
import { listNotesByCoach } from '../coach-notes/repository.ts';
import { listCheckInsOf, listOwnTiesOf } from '../team-check-ins/repository.ts';

/**
 * A person's own team check-ins: where they placed themselves and the team, and what they said
 * of each teammate. Their own answers only; the team's pooled map is not theirs to take.
 */
export async function teamCheckInsOf(
	ctx: Pick<AppContext, 'db'>,
	userId: string
): Promise<PersonExport['teamCheckIns']> {
	const checkIns = await listCheckInsOf(ctx.db, userId);
	const ties = await listOwnTiesOf(ctx.db, userId);
	return checkIns.map((c) => ({
		team: c.team_name,
		checkIn: c.number,
		closesAt: c.closes_at,
		savedAt: c.updated_at,
		completedAt: c.completed_at,
		yourPosition: figure(c.overall_position),
		teamPosition: figure(c.team_position),
		aboutTeammates: ties
			.filter((t) => t.round_id === c.round_id)
			.map((t) => ({
				teammate: t.to_name ?? 'someone who has since left Midpoint',
				question: QUESTION_TEXT[t.question as Question] ?? t.question,
				answer: LEVEL_TEXT[t.level as Level] ?? t.level
			}))
	}));
}

/** A coach's private notes on their clients, opened with the coach's own key. */
export async function coachNotesOf(
	ctx: Pick<AppContext, 'db' | 'masterKey'>,
	userId: string
): Promise<PersonExport['coachNotes']> {
	const rows = await listNotesByCoach(ctx.db, userId);
	if (rows.length === 0) return [];
	const cipher = await coachCipher(ctx, userId);
	return rows.map((row) => {
		const note = toNote(cipher, row);
		return {
			client: row.client_name ?? 'a client who has since left Midpoint',
			text: note.body,
			createdAt: note.createdAt,
			updatedAt: note.updatedAt
		};
	});
}
