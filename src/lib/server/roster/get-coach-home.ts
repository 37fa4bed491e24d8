import { todayFor, type IsoDate } from '../../domain/actions/dates.ts';
import { can, type Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { listRoster, type RosterRow } from './list-roster.ts';

/** How many clients the coach's home lists before "see them all". */
export const COACH_HOME_ROWS = 5;

export interface CoachHomePractice {
	practiceId: string;
	/** The first few of the coach's clients, what needs attention first. */
	rows: RosterRow[];
	total: number;
	counts: { overdue: number; new: number };
}

/**
 * The coach's home: for each practice whose roster they may read, their own clients sorted by
 * what needs attention (overdue report-backs, then something new), the same rows as the roster.
 */
export async function getCoachHome(
	ctx: Pick<AppContext, 'db' | 'now' | 'log'>,
	input: { actor: Actor }
): Promise<{ today: IsoDate; practices: CoachHomePractice[] }> {
	const practices: CoachHomePractice[] = [];
	for (const practiceId of Object.keys(input.actor.practices)) {
		if (!can(input.actor, 'practice.roster', { practiceId })) continue;
		const roster = await listRoster(ctx, {
			actor: input.actor,
			practiceId,
			sort: 'attention',
			filter: 'all',
			search: '',
			page: 1,
			scope: 'mine'
		});
		practices.push({
			practiceId,
			rows: roster.rows.slice(0, COACH_HOME_ROWS),
			total: roster.total,
			counts: roster.counts
		});
	}
	return { today: todayFor(ctx.now()), practices };
}
