import { todayFor } from '../../domain/actions/dates.ts';
import { can, type Actor } from '../../domain/policies.ts';
import type { RosterQuery } from '../../domain/roster-query.ts';
import type { AppContext } from '../context.ts';
import { getDigestMode } from '../digest/set-digest-mode.ts';
import { listRoster } from '../roster/list-roster.ts';
import { getPracticeOverview } from './get-practice-overview.ts';
// Programs (decision 0038)
import { listProgramProgress } from '../programs/progress.ts';

/**
 * A practice's own page: what it is, its roster for those who may see it (filtered, sorted and
 * paged as asked), and a coach's digest setting.
 */
export async function getPracticePage(
	ctx: Pick<AppContext, 'db' | 'now' | 'log'>,
	input: { actor: Actor; practiceId: string; query: RosterQuery }
) {
	const { actor, practiceId, query } = input;
	const practice = await getPracticeOverview(ctx, { actor, practiceId });
	const roster = can(actor, 'practice.roster', { practiceId })
		? await listRoster(ctx, { actor, practiceId, ...query })
		: null;
	const isCoach = (actor.practices[practiceId] ?? []).includes('coach');
	// Programs (decision 0038): each client's step and on track / at risk / off track, for this page.
	const clientIds = roster?.rows.map((r) => r.clientId) ?? [];
	const progress = await listProgramProgress(ctx.db, { practiceId, clientIds, now: ctx.now() });
	return {
		practice,
		roster: roster && {
			...roster,
			rows: roster.rows.map((r) => ({ ...r, program: progress.get(r.clientId) ?? null }))
		},
		query,
		today: todayFor(ctx.now()),
		digestMode: isCoach ? await getDigestMode(ctx, { actor }) : null
	};
}
