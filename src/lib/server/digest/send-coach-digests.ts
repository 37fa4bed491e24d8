import { todayFor } from '../../domain/actions/dates.ts';
import { digestNewsSince, digestPeriod } from '../../domain/digest-period.ts';
import { rosterStatus } from '../../domain/roster.ts';
import type { AppContext } from '../context.ts';
import type { DigestMode } from '../db/types.ts';
import { coachDigestEmail, type DigestClient } from '../mail/coach-digest-email.ts';
import { queueEmailOnce } from '../mail/queue-email-once.ts';
import { findLastSendAt, isSendKeyClaimed } from '../reminders/repository.ts';
// Programs (decision 0038): who moved between on track, at risk and off track.
import { takeProgressChanges } from '../programs/progress.ts';
import {
	countClientRepliesSince,
	countEntriesSharedSince,
	countReportsSince,
	listClientsOfCoach,
	listCoachMemberships
} from './repository.ts';

/** Without a choice, a coach gets the weekly digest: useful, and one email a week at most. */
export const DEFAULT_DIGEST_MODE: DigestMode = 'weekly';

type Ctx = Pick<AppContext, 'db' | 'dialect' | 'now' | 'config' | 'masterKey'>;

/**
 * Sends each coach their digest when its period opens: what clients reported back and shared,
 * and who is overdue, since the last digest. Names and counts only; email is not the place for
 * what clients wrote. Claimed through reminder_sends, so it goes out once however many
 * processes scan. A period with nothing to tell is claimed without an email.
 */
export async function sendCoachDigests(ctx: Ctx): Promise<number> {
	const now = ctx.now();
	const coaches = await listCoachMemberships(ctx.db);
	let sent = 0;
	const seen = new Set<string>();
	for (const coach of coaches) {
		if (seen.has(coach.coachId)) continue;
		seen.add(coach.coachId);
		const mode = coach.mode ?? DEFAULT_DIGEST_MODE;
		if (mode === 'off') continue;
		const period = digestPeriod(mode, coach.coachId, now);
		if (!period) continue;
		if (await isSendKeyClaimed(ctx.db, period.key)) continue;
		const previous = await findLastSendAt(ctx.db, coach.coachId, `digest:${coach.coachId}:`);
		const since = digestNewsSince(period, previous ?? null);
		const clients = await digestFor(ctx, coach.coachId, since);

		const base = (ctx.config.publicUrl ?? 'http://localhost:3000').replace(/\/$/, '');
		const message = clients.length
			? coachDigestEmail({
					to: coach.email,
					name: coach.name,
					mode,
					clients,
					rosterUrl: `${base}/practices/${coach.practiceId}`
				})
			: null;
		if ((await queueEmailOnce(ctx, period.key, coach.coachId, message)) && message) sent++;
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
	const clients = await listClientsOfCoach(ctx.db, coachId);
	if (clients.length === 0) return [];
	const ids = clients.map((c) => c.id);
	const r = await countReportsSince(ctx.db, ids, since);
	const e = await countEntriesSharedSince(ctx.db, ids, since);
	const m = await countClientRepliesSince(ctx.db, ids, since);
	const programs = await takeProgressChanges(ctx.db, ids, ctx.now());
	const out: DigestClient[] = [];
	for (const client of clients) {
		const { overdue } = rosterStatus(
			{
				position: null,
				previousPosition: null,
				changeKind: null,
				lastSharedAt: null,
				lastReportAt: null,
				coachSeenAt: null,
				openActions: client.openActions
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
		const program = programs.get(client.id);
		if (program) item.program = `${program.name.toLowerCase()} in ${program.title}`;
		if (item.reports || item.sharedEntries || item.replies || item.overdue || item.program)
			out.push(item);
	}
	return out.sort((a, b) => a.name.localeCompare(b.name, 'en'));
}
