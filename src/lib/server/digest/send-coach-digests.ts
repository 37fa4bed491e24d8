import { addDays, todayFor, weekdayOf } from '../../domain/actions/dates.ts';
import { rosterStatus, type OpenActionDigest } from '../../domain/roster.ts';
import type { AppContext } from '../context.ts';
import type { DigestMode } from '../db/types.ts';
import { coachDigestEmail, type DigestClient } from '../mail/coach-digest-email.ts';
import { claimAndQueue } from '../reminders/claim-send.ts';

/** Without a choice, a coach gets the weekly digest: useful, and one email a week at most. */
export const DEFAULT_DIGEST_MODE: DigestMode = 'weekly';
/** Digests go out from this hour (UTC) on their day. */
export const DIGEST_HOUR_UTC = 7;

type Ctx = Pick<AppContext, 'db' | 'dialect' | 'now' | 'config'>;

/** The period a digest covers and the key that makes it go out once. */
export function digestPeriod(
	mode: Exclude<DigestMode, 'off'>,
	coachId: string,
	now: Date
): { key: string; opensAt: Date; days: number } | null {
	const today = todayFor(now);
	const start = mode === 'daily' ? today : addDays(today, -(weekdayOf(today) - 1)); // Monday
	const opensAt = new Date(`${start}T${String(DIGEST_HOUR_UTC).padStart(2, '0')}:00:00.000Z`);
	if (now < opensAt) return null;
	return {
		key: mode === 'daily' ? `digest:${coachId}:${start}` : `digest:${coachId}:week:${start}`,
		opensAt,
		days: mode === 'daily' ? 1 : 7
	};
}

/**
 * Sends each coach their digest when its period opens: what clients reported back and shared,
 * and who is overdue, since the last digest. Names and counts only; email is not the place for
 * what clients wrote. Claimed through reminder_sends, so it goes out once however many
 * processes scan. A period with nothing to tell is claimed without an email.
 */
export async function sendCoachDigests(ctx: Ctx): Promise<number> {
	const now = ctx.now();
	const coaches = await ctx.db
		.selectFrom('memberships as m')
		.innerJoin('users as u', 'u.id', 'm.user_id')
		.leftJoin('digest_settings as d', 'd.user_id', 'm.user_id')
		.select(['u.id', 'u.name', 'u.email', 'd.mode', 'm.practice_id'])
		.where('m.role', '=', 'coach')
		.execute();
	let sent = 0;
	const seen = new Set<string>();
	for (const coach of coaches) {
		if (seen.has(coach.id)) continue;
		seen.add(coach.id);
		const mode = coach.mode ?? DEFAULT_DIGEST_MODE;
		if (mode === 'off') continue;
		const period = digestPeriod(mode, coach.id, now);
		if (!period) continue;
		const done = await ctx.db
			.selectFrom('reminder_sends')
			.select('key')
			.where('key', '=', period.key)
			.executeTakeFirst();
		if (done) continue;
		const previous = await ctx.db
			.selectFrom('reminder_sends')
			.select((eb) => eb.fn.max('sent_at').as('at'))
			.where('user_id', '=', coach.id)
			.where('key', 'like', `digest:${coach.id}:%`)
			.executeTakeFirst();
		const since =
			(previous?.at as string | null | undefined) ??
			new Date(period.opensAt.getTime() - period.days * 86_400_000).toISOString();
		const clients = await digestFor(ctx, coach.id, since);

		const base = (ctx.config.publicUrl ?? 'http://localhost:3000').replace(/\/$/, '');
		const message = clients.length
			? coachDigestEmail({
					to: coach.email,
					name: coach.name,
					mode,
					clients,
					rosterUrl: `${base}/practices/${coach.practice_id}`
				})
			: null;
		if ((await claimAndQueue(ctx, period.key, coach.id, message)) && message) sent++;
	}
	return sent;
}

/** What each of the coach's clients did since `since`, and who is overdue now. */
export async function digestFor(
	ctx: Pick<AppContext, 'db' | 'now'>,
	coachId: string,
	since: string
): Promise<DigestClient[]> {
	const today = todayFor(ctx.now());
	const clients = await ctx.db
		.selectFrom('memberships as m')
		.innerJoin('users as u', 'u.id', 'm.user_id')
		.leftJoin('client_summaries as s', 's.client_id', 'm.user_id')
		.select(['u.id', 'u.name', 's.open_actions'])
		.where('m.role', '=', 'client')
		.where('m.coach_id', '=', coachId)
		.execute();
	if (clients.length === 0) return [];
	const ids = clients.map((c) => c.id);
	const reports = await ctx.db
		.selectFrom('action_reports as r')
		.innerJoin('actions as a', 'a.id', 'r.action_id')
		.select(['a.user_id as id', (eb) => eb.fn.countAll<number>().as('n')])
		.where('a.user_id', 'in', ids)
		.where('r.skipped_at', 'is', null)
		.where('r.updated_at', '>', since)
		.groupBy('a.user_id')
		.execute();
	const entries = await ctx.db
		.selectFrom('journal_entries')
		.select(['user_id as id', (eb) => eb.fn.countAll<number>().as('n')])
		.where('user_id', 'in', ids)
		.where('shared_at', '>', since)
		.groupBy('user_id')
		.execute();
	const replies = await ctx.db
		.selectFrom('replies')
		.select(['client_id as id', (eb) => eb.fn.countAll<number>().as('n')])
		.where('client_id', 'in', ids)
		.whereRef('author_id', '=', 'client_id')
		.where('created_at', '>', since)
		.groupBy('client_id')
		.execute();
	const count = (rows: { id: string; n: number }[]) =>
		new Map(rows.map((r) => [r.id, Number(r.n)]));
	const [r, e, m] = [count(reports), count(entries), count(replies)];
	const out: DigestClient[] = [];
	for (const client of clients) {
		const open = JSON.parse(client.open_actions ?? '[]') as OpenActionDigest[];
		const { overdue } = rosterStatus(
			{
				position: null,
				previousPosition: null,
				changeKind: null,
				lastSharedAt: null,
				lastReportAt: null,
				coachSeenAt: null,
				openActions: open
			},
			today
		);
		const item: DigestClient = {
			name: client.name,
			reports: r.get(client.id) ?? 0,
			sharedEntries: e.get(client.id) ?? 0,
			replies: m.get(client.id) ?? 0,
			overdue
		};
		if (item.reports || item.sharedEntries || item.replies || item.overdue) out.push(item);
	}
	return out.sort((a, b) => a.name.localeCompare(b.name, 'en'));
}
