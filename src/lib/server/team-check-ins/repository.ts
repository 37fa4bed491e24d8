import type { Selectable } from 'kysely';
import type { Db } from '../db/create-db.ts';
import type { TeamCheckInsTable } from '../db/types.ts';

export type CheckInRow = Selectable<TeamCheckInsTable>;
export interface TieRow {
	from: string;
	to: string;
	question: string;
	level: string;
}

export async function findCheckIn(
	db: Db,
	roundId: string,
	userId: string
): Promise<CheckInRow | undefined> {
	return db
		.selectFrom('team_check_ins')
		.selectAll()
		.where('round_id', '=', roundId)
		.where('user_id', '=', userId)
		.executeTakeFirst();
}

/** Creates the member's check-in for the round, or marks it changed. */
export async function touchCheckIn(db: Db, roundId: string, userId: string, at: string) {
	await db
		.insertInto('team_check_ins')
		.values({
			round_id: roundId,
			user_id: userId,
			overall_position: null,
			team_position: null,
			updated_at: at,
			completed_at: null
		})
		.onConflict((oc) => oc.columns(['round_id', 'user_id']).doUpdateSet({ updated_at: at }))
		.execute();
}

export async function markCheckInComplete(
	db: Db,
	roundId: string,
	userId: string,
	positions: { overall: number | null; team: number | null },
	at: string
) {
	await db
		.updateTable('team_check_ins')
		.set({
			overall_position: positions.overall,
			team_position: positions.team,
			completed_at: at,
			updated_at: at
		})
		.where('round_id', '=', roundId)
		.where('user_id', '=', userId)
		.execute();
}

/** The round's completed check-ins, with each person's name. */
export async function listCompletedCheckIns(
	db: Db,
	roundId: string
): Promise<(CheckInRow & { name: string })[]> {
	return db
		.selectFrom('team_check_ins')
		.innerJoin('users', 'users.id', 'team_check_ins.user_id')
		.selectAll('team_check_ins')
		.select('users.name')
		.where('round_id', '=', roundId)
		.where('completed_at', 'is not', null)
		.orderBy('users.name')
		.execute();
}

/** How many check-ins each of the rounds has completed. */
export async function countCompletedCheckIns(
	db: Db,
	roundIds: readonly string[]
): Promise<Map<string, number>> {
	if (!roundIds.length) return new Map();
	const rows = await db
		.selectFrom('team_check_ins')
		.select(['round_id', (eb) => eb.fn.countAll<number>().as('n')])
		.where('round_id', 'in', roundIds)
		.where('completed_at', 'is not', null)
		.groupBy('round_id')
		.execute();
	return new Map(rows.map((r) => [r.round_id, Number(r.n)]));
}

/**
 * Saves some of one member's answers: each (teammate, question) given replaces what was there.
 * Answers not sent stay as they were, so a half-filled form loses nothing.
 */
export async function saveTies(
	db: Db,
	roundId: string,
	from: string,
	answers: readonly { to: string; question: string; level: string }[]
) {
	for (const a of answers) {
		await db
			.insertInto('team_ties')
			.values({
				round_id: roundId,
				from_user_id: from,
				to_user_id: a.to,
				question: a.question,
				level: a.level
			})
			.onConflict((oc) =>
				oc.columns(['round_id', 'from_user_id', 'to_user_id', 'question']).doUpdateSet({
					level: a.level
				})
			)
			.execute();
	}
}

/** One member's own answers in a round (only ever shown to that member). */
export async function listTiesFrom(db: Db, roundId: string, from: string): Promise<TieRow[]> {
	const rows = await db
		.selectFrom('team_ties')
		.select(['to_user_id', 'question', 'level'])
		.where('round_id', '=', roundId)
		.where('from_user_id', '=', from)
		.execute();
	return rows.map((r) => ({ from, to: r.to_user_id, question: r.question, level: r.level }));
}

/**
 * The answers of the round's completed check-ins that can change the network (decision 0035's
 * rules): every answer naming a tie, every "never" that denies a tie the other person named, and
 * one "never" per person who named nobody (so they still count as having answered). The other
 * "never" answers change nothing and are most of a large team's rows (119,400 a round at 200
 * people), so they stay in the database.
 */
export async function listNetworkTies(db: Db, roundId: string): Promise<TieRow[]> {
	const completed = new Set(
		(
			await db
				.selectFrom('team_check_ins')
				.select('user_id')
				.where('round_id', '=', roundId)
				.where('completed_at', 'is not', null)
				.execute()
		).map((c) => c.user_id)
	);
	// Both read through the partial index `team_ties_named` (migration 0041) and the primary key;
	// who completed is filtered here, which keeps the planner starting from the named answers.
	const [named, denials] = await Promise.all([
		db
			.selectFrom('team_ties')
			.select(['from_user_id', 'to_user_id', 'question', 'level'])
			.where('round_id', '=', roundId)
			.where('level', '<>', 'never')
			.execute(),
		// From each named answer `o`, the other person's "never" about the same pair, by key.
		db
			.selectFrom('team_ties as o')
			.innerJoin('team_ties as t', (join) =>
				join
					.onRef('t.round_id', '=', 'o.round_id')
					.onRef('t.from_user_id', '=', 'o.to_user_id')
					.onRef('t.to_user_id', '=', 'o.from_user_id')
			)
			.select(['t.from_user_id', 't.to_user_id', 't.question', 't.level'])
			.distinct()
			.where('o.round_id', '=', roundId)
			.where('o.level', '<>', 'never')
			.where('t.level', '=', 'never')
			.execute()
	]);
	const rows = [...named, ...denials].filter((r) => completed.has(r.from_user_id));
	const heard = new Set(rows.map((r) => r.from_user_id));
	const quietIds = [...completed].filter((id) => !heard.has(id));
	const quiet = quietIds.length
		? await db
				.selectFrom('team_ties')
				.select(['from_user_id', (eb) => eb.fn.min('to_user_id').as('to_user_id')])
				.where('round_id', '=', roundId)
				.where('from_user_id', 'in', quietIds)
				.where('to_user_id', 'in', [...completed])
				.where('question', '=', 'help')
				.groupBy('from_user_id')
				.execute()
		: [];
	return [
		...rows.map((r) => ({
			from: r.from_user_id,
			to: r.to_user_id,
			question: r.question,
			level: r.level
		})),
		...quiet.map((r) => ({
			from: r.from_user_id,
			to: String(r.to_user_id),
			question: 'help',
			level: 'never'
		}))
	];
}

/**
 * What a round's completed check-ins look like now, in one short string: it changes whenever a
 * check-in is completed, changed (every save touches `updated_at`) or removed with its person.
 */
export async function findRoundVersion(db: Db, roundId: string): Promise<string> {
	const row = await db
		.selectFrom('team_check_ins')
		.select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('last')])
		.where('round_id', '=', roundId)
		.where('completed_at', 'is not', null)
		.executeTakeFirstOrThrow();
	return `${Number(row.n)}:${String(row.last ?? '')}`;
}

/**
 * Every check-in one person started, with its team and round, oldest first: for their export,
 * and for their program catching up after a pause.
 */
export async function listCheckInsOf(db: Db, userId: string) {
	return db
		.selectFrom('team_check_ins as c')
		.innerJoin('team_rounds as r', 'r.id', 'c.round_id')
		.innerJoin('teams as t', 't.id', 'r.team_id')
		.select([
			'c.round_id',
			'c.overall_position',
			'c.team_position',
			'c.updated_at',
			'c.completed_at',
			'r.number',
			'r.closes_at',
			'r.team_id',
			't.name as team_name'
		])
		.where('c.user_id', '=', userId)
		.orderBy('r.opened_at')
		.execute();
}

/** Everything one person answered about their teammates, with the teammate's name when known. */
export async function listOwnTiesOf(db: Db, userId: string) {
	return db
		.selectFrom('team_ties as tie')
		.leftJoin('users as u', 'u.id', 'tie.to_user_id')
		.select(['tie.round_id', 'tie.question', 'tie.level', 'u.name as to_name'])
		.where('tie.from_user_id', '=', userId)
		.orderBy('tie.round_id')
		.orderBy('u.name')
		.execute();
}
