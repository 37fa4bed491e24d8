import { DOMAINS, type DomainCode } from '../../content/instrument/codes.ts';
import {
	releaseRound,
	type CompletedForm,
	type SelfFigure
} from '../../domain/feedback/pooling.ts';
import type { AssessmentScore } from '../../domain/scoring/score-assessment.ts';
import { listCompletedAssessments } from '../assessments/repository.ts';
import type { AppContext } from '../context.ts';
import {
	closeRound,
	findRound,
	listDueRounds,
	listSentForms,
	type RoundRow
} from './repository.ts';

/** The client's own figure per domain from their newest result at the close. */
async function selfFigures(
	ctx: Pick<AppContext, 'db'>,
	userId: string
): Promise<Partial<Record<DomainCode, SelfFigure | null>>> {
	const results = await listCompletedAssessments(ctx.db, userId);
	const newest = results.at(-1);
	if (!newest?.result) return {};
	const score = JSON.parse(newest.result) as AssessmentScore;
	const figures: Partial<Record<DomainCode, SelfFigure | null>> = {};
	for (const domain of DOMAINS) {
		const { position, band } = score.domains[domain];
		figures[domain] = position !== null && band ? { position, sem: band.sem } : null;
	}
	return figures;
}

export async function sentForms(
	ctx: Pick<AppContext, 'db'>,
	roundId: string
): Promise<CompletedForm[]> {
	const rows = await listSentForms(ctx.db, roundId);
	return rows.map((row) => ({
		domain: row.domain,
		answers: JSON.parse(row.answers) as CompletedForm['answers'],
		comment: row.comment
	}));
}

/**
 * Closes the round at `closedAt` and stores its release, computed once from the forms sent by
 * then. When two requests race, the conditional update lets only the first release count.
 */
export async function closeAndRelease(
	ctx: Pick<AppContext, 'db'>,
	round: RoundRow,
	closedAt: string
): Promise<RoundRow> {
	if (round.closed_at) return round;
	const release = releaseRound(
		await sentForms(ctx, round.id),
		await selfFigures(ctx, round.user_id)
	);
	await closeRound(ctx.db, round.id, closedAt, JSON.stringify(release));
	return (await findRound(ctx.db, round.id))!;
}

/**
 * Before a change (a POST), a round whose closing time has passed is closed at that time, so
 * nobody extends or reminds a round that is over. Reads never call this: see closeDueRounds.
 */
export async function settleRound(
	ctx: Pick<AppContext, 'db' | 'now'>,
	round: RoundRow
): Promise<RoundRow> {
	if (round.closed_at || round.closes_at > ctx.now().toISOString()) return round;
	return closeAndRelease(ctx, round, round.closes_at);
}

/**
 * The jobs scan: closes every round whose closing time has passed, at that time, and stores its
 * release. Safe with several app processes: closeRound's conditional update lets one win.
 */
export async function closeDueRounds(ctx: Pick<AppContext, 'db' | 'now'>): Promise<number> {
	const due = await listDueRounds(ctx.db, ctx.now().toISOString());
	for (const round of due) await closeAndRelease(ctx, round, round.closes_at);
	return due.length;
}
