import { DOMAINS, DOMAIN_NAMES } from '../../content/instrument/codes.ts';
import {
	coachGapWords,
	gapWords,
	GROUP_NAMES,
	GROUP_NAMES_FOR_COACH
} from '../../content/feedback/self-vs-others.ts';
import { compareSelfWithOthers } from '../../domain/feedback/blind-spot.ts';
import { viewRound, type Release } from '../../domain/feedback/pooling.ts';
import type { RoundResult } from '../../domain/feedback/round-result.ts';
import { closedOn } from '../../domain/feedback/round-rules.ts';
import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { isSendKeyClaimed } from '../reminders/repository.ts';
import { readableRound, requireOwn } from './access.ts';
import { roundReminderKey } from './remind-raters.ts';
import { countRatersByDomain, listRoundsOf, type RoundRow } from './repository.ts';
import { sentForms } from './settle-round.ts';

/**
 * Everything shown of a round goes through viewRound (domain/feedback/pooling.ts): while open,
 * only whether each group has enough answers; once closed, the release stored at the close.
 * Reading writes nothing: a round past its closing time is closed by the jobs scan
 * (closeDueRounds); until then it reads as "closing", still without figures.
 */
export async function presentRound(
	ctx: Pick<AppContext, 'db' | 'now'>,
	round: RoundRow,
	viewer: RoundResult['viewer'] = 'owner',
	/** Whose words the comparisons are in: the viewer's, unless a report is the client's own. */
	wordsFor: RoundResult['viewer'] = viewer
): Promise<RoundResult> {
	const closed = round.closed_at !== null;
	const release = round.released ? (JSON.parse(round.released) as Release) : null;
	const forms = closed ? [] : await sentForms(ctx, round.id);
	const view = viewRound({ closed, release }, forms);
	const asked = await countRatersByDomain(ctx.db, round.id);
	return {
		id: round.id,
		openedOn: round.opened_at.slice(0, 10),
		closesOn: closedOn(round),
		closed,
		closing: !closed && round.closes_at <= ctx.now().toISOString(),
		shared: round.shared_at !== null,
		viewer,
		reminded: closed || (await isSendKeyClaimed(ctx.db, roundReminderKey(round.id))),
		comments: view.comments,
		setAside: view.setAside,
		domains: DOMAINS.map((code) => {
			const domain = view.domains[code];
			const comparison =
				domain.status === 'released' && domain.self
					? compareSelfWithOthers(domain.self, domain)
					: null;
			return {
				code,
				name: DOMAIN_NAMES[code],
				asked: asked[code] ?? 0,
				view: domain,
				comparison: comparison && {
					...comparison,
					// The client reads it about themselves; their coach, about their client.
					words:
						wordsFor === 'owner'
							? gapWords(comparison.othersSee, GROUP_NAMES[code])
							: coachGapWords(comparison.othersSee, GROUP_NAMES_FOR_COACH[code])
				}
			};
		})
	};
}

export type { RoundResult };

/** The client's rounds, newest first, each as it may be shown. */
export async function listFeedbackRounds(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: { actor: Actor }
): Promise<RoundResult[]> {
	await requireOwn(ctx.db, input.actor, 'feedback.read');
	const rounds = await listRoundsOf(ctx.db, input.actor.userId);
	return Promise.all(rounds.map((round) => presentRound(ctx, round)));
}

export async function getFeedbackRound(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: { actor: Actor; roundId: string }
): Promise<RoundResult> {
	const { round, viewer } = await readableRound(ctx.db, input.actor, input.roundId);
	return presentRound(ctx, round, viewer);
}
