import { closedOn, closingDay } from '../../domain/feedback/round-rules.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import {
	RESULT_FRESH_DAYS,
	missingAnswers,
	readSurvey,
	tieField,
	type SurveyAnswer
} from '../../domain/teams/rules.ts';
import { formatLongDate } from '../../format.ts';
import { listNewestResults } from '../assessments/repository.ts';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/create-db.ts';
import { requireActive, teamFor, type TeamAccess } from '../teams/access.ts';
import { listRounds, saveShowDot, type TeamRoundRow } from '../teams/repository.ts';
import { advanceProgramIn } from '../programs/detect-steps.ts';
import { isRoundOpen, settleRounds } from './round-data.ts';
import {
	findCheckIn,
	listTiesFrom,
	markCheckInComplete,
	saveTies,
	touchCheckIn
} from './repository.ts';

type Ctx = Pick<AppContext, 'db' | 'now'>;
const DAY_MS = 24 * 3600_000;

export interface CheckInPage {
	teamId: string;
	teamName: string;
	round: { number: number; closesOn: string } | null;
	/** The last round, when none is open: to say when it closed. */
	lastClosedOn: string | null;
	teammates: { id: string; name: string }[];
	/** What this member answered so far, by field name (only ever shown to them). */
	answers: Record<string, string>;
	completed: boolean;
	showDot: boolean;
	/** Their result that this check-in will use, if they have a recent enough one. */
	resultOn: string | null;
}

/** The member's newest result recent enough for the round: positions only leave the assessment. */
async function freshResult(db: Db, userId: string, round: TeamRoundRow) {
	const [newest] = await listNewestResults(db, userId, 1);
	const since = new Date(new Date(round.opened_at).getTime() - RESULT_FRESH_DAYS * DAY_MS);
	if (!newest || newest.completedAt < since.toISOString()) return null;
	return newest;
}

async function openRoundOf(ctx: Ctx, access: TeamAccess) {
	const now = ctx.now();
	const rounds = await settleRounds(ctx.db, await listRounds(ctx.db, access.team.id), now);
	return { open: rounds.find((r) => isRoundOpen(r, now)) ?? null, rounds };
}

export async function getCheckIn(
	ctx: Ctx,
	input: { actor: Actor; teamId: string }
): Promise<CheckInPage> {
	const access = await teamFor(ctx.db, input.actor, input.teamId, 'team.check-in');
	const me = input.actor.userId;
	const { open, rounds } = await openRoundOf(ctx, access);
	const last = rounds.at(-1);
	const teammates = access.current
		.filter((m) => m.userId !== me)
		.map((m) => ({ id: m.userId, name: m.name }));
	const mine = open ? await listTiesFrom(ctx.db, open.id, me) : [];
	const checkIn = open ? await findCheckIn(ctx.db, open.id, me) : undefined;
	const result = open ? await freshResult(ctx.db, me, open) : null;
	return {
		teamId: access.team.id,
		teamName: access.team.name,
		round: open ? { number: open.number, closesOn: closingDay(open.closes_at) } : null,
		lastClosedOn: !open && last ? closedOn(last) : null,
		teammates,
		answers: Object.fromEntries(
			mine.map((t) => [tieField(t.to, t.question as SurveyAnswer['question']), t.level])
		),
		completed: Boolean(checkIn?.completed_at),
		showDot: access.current.find((m) => m.userId === me)?.showDot ?? false,
		resultOn: result ? result.completedAt : null
	};
}

/**
 * Saves what the member answered so far; with `finish`, also checks every teammate is answered
 * and a recent result exists, and copies that result's positions into the check-in.
 */
export async function saveCheckIn(
	ctx: Ctx,
	input: { actor: Actor; teamId: string; values: Record<string, string>; finish: boolean }
): Promise<{ completed: boolean }> {
	const access = await teamFor(ctx.db, input.actor, input.teamId, 'team.check-in');
	requireActive(access.team);
	const me = input.actor.userId;
	const { open, rounds } = await openRoundOf(ctx, access);
	if (!open) {
		const last = rounds.at(-1);
		throw new DomainError(
			'conflict',
			last
				? `This check-in closed on ${formatLongDate(last.closed_at ?? last.closes_at)}, so answers can no longer be changed. Nothing you sent after that was saved.`
				: 'There is no check-in open for this team yet. Your coach will let you know when there is.'
		);
	}
	const teammates = new Map(
		access.current.filter((m) => m.userId !== me).map((m) => [m.userId, m.name])
	);
	const former = new Map(access.members.filter((m) => m.leftAt).map((m) => [m.userId, m.name]));
	const reading = readSurvey(input.values, me, teammates, former);
	if (!reading.ok)
		throw new DomainError('invalid_input', reading.message, { fields: reading.fields });
	const at = ctx.now().toISOString();
	const result = input.finish ? await freshResult(ctx.db, me, open) : null;
	if (input.finish) {
		const all = [...(await listTiesFrom(ctx.db, open.id, me)), ...reading.answers];
		const missing = missingAnswers(
			all.map((a) => ({
				to: a.to,
				question: a.question as SurveyAnswer['question'],
				level: 'never'
			})),
			[...teammates.keys()]
		);
		if (missing > 0) {
			await saveAnswers(ctx.db, open.id, me, reading.answers, at);
			throw new DomainError(
				'invalid_input',
				`${missing} answer${missing === 1 ? ' is' : 's are'} still empty. What you chose is saved; answer each teammate, then finish.`
			);
		}
		if (!result) {
			await saveAnswers(ctx.db, open.id, me, reading.answers, at);
			throw new DomainError(
				'conflict',
				'Your answers are saved. To finish, take the assessment first (or again, if your last result is more than a month older than this check-in), then come back here.'
			);
		}
	}
	await ctx.db.transaction().execute(async (trx) => {
		await saveAnswers(trx, open.id, me, reading.answers, at);
		// The consent box is on the form (`showDotAsked`): an unticked box sends nothing at all.
		if (input.values.showDotAsked === 'yes')
			await saveShowDot(trx, access.team.id, me, input.values.showDot === 'yes');
		if (result) {
			await markCheckInComplete(
				trx,
				open.id,
				me,
				{ overall: result.score.position, team: result.score.domains.TEAM.position },
				at
			);
			// A program step waiting for this team's check-in is done with it (decision 0038).
			const event = { kind: 'team-check-in' as const, teamId: access.team.id };
			await advanceProgramIn(trx, { userId: me, event, at: new Date(at) });
		}
	});
	const checkIn = await findCheckIn(ctx.db, open.id, me);
	return { completed: Boolean(checkIn?.completed_at) };
}

async function saveAnswers(
	db: Db,
	roundId: string,
	me: string,
	answers: SurveyAnswer[],
	at: string
) {
	await touchCheckIn(db, roundId, me, at);
	await saveTies(db, roundId, me, answers);
}
