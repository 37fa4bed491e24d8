import { closedOn, closingDay } from '../../domain/feedback/round-rules.ts';
import { can, type Actor } from '../../domain/policies.ts';
import type { RelianceAnalysis } from '../../domain/teams/network.ts';
import { MAP_MIN_CHECK_INS } from '../../domain/teams/rules.ts';
import { relianceFigures, type RelianceFigures } from '../../domain/teams/team-figures.ts';
import { summariseSpread } from '../../domain/teams/spread.ts';
import { summariseRound, type RoundSummary } from '../../domain/teams/trail.ts';
import { analysedRound } from '../team-check-ins/round-cache.ts';
import type { AppContext } from '../context.ts';
import { countCompletedCheckIns } from '../team-check-ins/repository.ts';
import { isRoundOpen, readSummary, settleRounds } from '../team-check-ins/round-data.ts';
import { teamFor } from './access.ts';
import { listRounds } from './repository.ts';

type Spread = ReturnType<typeof summariseSpread>;

export interface TeamMap {
	round: number;
	open: boolean;
	completed: number;
	overall: Spread;
	team: Spread;
	/** The team-level network figures everyone on the team may see (counts, no names). */
	figures: RelianceFigures;
	/** The reader's own dots, when they checked in (members only). */
	own: { overall: number | null; team: number | null } | null;
	/** The named network and per-person figures: the team's coach only. */
	network: RelianceAnalysis | null;
}

export interface TeamPage {
	team: {
		id: string;
		name: string;
		description: string;
		archived: boolean;
		leadName: string | null;
	};
	viewer: 'coach' | 'member';
	memberCount: number;
	openRound: { number: number; closesOn: string; completed: number } | null;
	map: TeamMap | null;
	/** The newest check-in the reader may see, when it has too few check-ins for a map yet. */
	waiting: { round: number; completed: number; needed: number } | null;
	/** For members: the open check-in whose map shows only once it closes. */
	heldUntilClose: number | null;
	trail: ({ round: number; closedOn: string | null } & RoundSummary)[];
}

/** The team's map, network (coach only) and trail, as the reader is allowed to see them. */
export async function getTeamPage(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: { actor: Actor; teamId: string }
): Promise<TeamPage> {
	const { team, current, resource } = await teamFor(ctx.db, input.actor, input.teamId, 'team.view');
	const coach = can(input.actor, 'team.network.read', resource);
	const now = ctx.now();
	const rounds = await settleRounds(ctx.db, await listRounds(ctx.db, team.id), now);
	const counts = await countCompletedCheckIns(
		ctx.db,
		rounds.map((r) => r.id)
	);
	const open = rounds.find((r) => isRoundOpen(r, now));
	// Members see a check-in once it has closed: a map that moved with each check-in would show,
	// between two looks, where the person who just checked in landed (decision 0034). The coach,
	// who sees every name anyway, sees the open one as it stands.
	const latest = coach ? rounds.at(-1) : rounds.findLast((r) => !isRoundOpen(r, now));
	const latestRound = latest ? await analysedRound(ctx.db, latest.id) : null;
	// Until the open check-in has enough for a map, the coach keeps the last one that had one,
	// as members do, and is told how the open one stands.
	const earlier =
		coach && latest && !latestRound?.network
			? rounds.findLast((r) => r.id !== latest.id && !isRoundOpen(r, now))
			: undefined;
	const earlierRound = earlier ? await analysedRound(ctx.db, earlier.id) : null;
	const [newest, newestRound] =
		earlier && earlierRound?.network ? [earlier, earlierRound] : [latest, latestRound];
	const named = new Set(current.filter((m) => m.showDot).map((m) => m.userId));
	let map: TeamMap | null = null;
	if (newest && newestRound?.network) {
		const { data, network } = newestRound;
		const dots = (key: 'overall' | 'team') =>
			data.checkIns
				.filter((c) => c[key] !== null)
				.map((c) => ({ score: c[key]!, ...(named.has(c.userId) ? { name: c.name } : {}) }));
		const mine = data.checkIns.find((c) => c.userId === input.actor.userId);
		map = {
			round: newest.number,
			open: isRoundOpen(newest, now),
			completed: data.checkIns.length,
			overall: summariseSpread(dots('overall')),
			team: summariseSpread(dots('team')),
			figures: relianceFigures(network),
			own: mine ? { overall: mine.overall, team: mine.team } : null,
			network: coach ? network : null
		};
	}
	// Closed rounds show what was frozen at their close; the newest open one, as it stands.
	const empty = summariseRound({ checkIns: [], answers: [] });
	const trail = rounds
		.filter((r) => coach || !isRoundOpen(r, now))
		.map((r) => ({
			round: r.number,
			closedOn: r.closed_at ? closedOn(r) : null,
			...(readSummary(r) ?? (r.id === latest?.id && latestRound ? latestRound.summary : empty))
		}));
	return {
		team: {
			id: team.id,
			name: team.name,
			description: team.description,
			archived: Boolean(team.archived_at),
			leadName: current.find((m) => m.userId === team.lead_id)?.name ?? null
		},
		viewer: coach ? 'coach' : 'member',
		memberCount: current.length,
		openRound: open
			? {
					number: open.number,
					closesOn: closingDay(open.closes_at),
					completed: counts.get(open.id) ?? 0
				}
			: null,
		map,
		waiting:
			latest && !latestRound?.network
				? { round: latest.number, completed: counts.get(latest.id) ?? 0, needed: MAP_MIN_CHECK_INS }
				: null,
		heldUntilClose: !coach && open ? open.number : null,
		trail
	};
}
