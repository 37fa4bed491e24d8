import { randomUUID } from 'node:crypto';
import { scoreAssessment } from '../../src/lib/domain/scoring/score-assessment.ts';
import { simulateRespondents } from '../../src/lib/domain/scoring/simulation.ts';
import { ALTERNATIVE_MODEL } from '../../src/lib/domain/scoring/responders.ts';
import type { AppContext } from '../../src/lib/server/context.ts';

/**
 * Many clients of one practice with a finished, clean result each, written straight into the
 * tables in a few bulk inserts: local norms and the structure check need 200 or more, and
 * taking 200 assessments page by page would take minutes. Answers are simulated (the weaker-item
 * population, so the practice's norms differ visibly from the built-in ones). Returns the
 * answers as stored.
 */
export async function seedPracticeResults(
	ctx: AppContext,
	input: { practiceId: string; coachId: string; count: number; seed: number; at: Date }
): Promise<Record<string, number | undefined>[]> {
	const people = simulateRespondents({
		respondents: input.count,
		seed: input.seed,
		attention: true,
		parameters: ALTERNATIVE_MODEL.parameters,
		latentCorrelation: ALTERNATIVE_MODEL.latentCorrelation
	}).filter(
		(person) => scoreAssessment(person.answers, { attentionPresented: true }).flags.length === 0
	);
	const at = input.at.toISOString();
	const rows = people.map((person) => ({ userId: randomUUID(), answers: person.answers }));
	for (let start = 0; start < rows.length; start += 100) {
		const chunk = rows.slice(start, start + 100);
		await ctx.db
			.insertInto('users')
			.values(
				chunk.map(({ userId }) => ({
					id: userId,
					email: `seeded-${userId}@example.com`,
					name: 'Seeded Client',
					password_hash: 'not-a-usable-hash',
					kind: 'client' as const,
					created_at: at,
					password_changed_at: at,
					email_verified_at: at
				}))
			)
			.execute();
		await ctx.db
			.insertInto('memberships')
			.values(
				chunk.map(({ userId }) => ({
					id: randomUUID(),
					practice_id: input.practiceId,
					user_id: userId,
					role: 'client' as const,
					coach_id: input.coachId,
					created_at: at
				}))
			)
			.execute();
		await ctx.db
			.insertInto('assessments')
			.values(
				chunk.map(({ userId, answers }) => {
					const score = scoreAssessment(answers, { attentionPresented: true });
					return {
						id: randomUUID(),
						user_id: userId,
						instrument_version: score.instrumentVersion,
						next_page: 6,
						answers: JSON.stringify(answers),
						page_timings: '[]',
						page_shown_at: null,
						started_at: at,
						updated_at: at,
						completed_at: at,
						result: JSON.stringify(score),
						position: score.position,
						balance: score.balance,
						flagged_at: null
					};
				})
			)
			.execute();
	}
	return rows.map((row) => row.answers);
}
