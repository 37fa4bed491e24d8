import { addDays, todayFor, weekdayOf, type IsoDate } from './actions/dates.ts';

/**
 * The period a coach's digest covers. A daily digest covers one day, a weekly one the week from
 * Monday; each goes out from DIGEST_HOUR_UTC on its first day and tells what came in since the
 * digest before it. The key names the period, so however many processes scan, it goes out once.
 */

/** Digests go out from this hour (UTC) on their day. */
export const DIGEST_HOUR_UTC = 7;

export type DigestFrequency = 'daily' | 'weekly';

export interface DigestPeriod {
	/** The first day of the period: today for a daily digest, this week's Monday for a weekly one. */
	start: IsoDate;
	/** When the digest for the period may go out. */
	opensAt: Date;
	/** When the next period opens. */
	closesAt: Date;
	/** Claimed once per coach and period. */
	key: string;
}

const openingOf = (day: IsoDate) =>
	new Date(`${day}T${String(DIGEST_HOUR_UTC).padStart(2, '0')}:00:00.000Z`);

/** The period open at `now`, or null in the hours of its first day before it opens. */
export function digestPeriod(
	frequency: DigestFrequency,
	coachId: string,
	now: Date
): DigestPeriod | null {
	const today = todayFor(now);
	const start = frequency === 'daily' ? today : addDays(today, 1 - weekdayOf(today)); // Monday
	const opensAt = openingOf(start);
	if (now < opensAt) return null;
	return {
		start,
		opensAt,
		closesAt: openingOf(addDays(start, frequency === 'daily' ? 1 : 7)),
		key: frequency === 'daily' ? `digest:${coachId}:${start}` : `digest:${coachId}:week:${start}`
	};
}

/**
 * Where a digest's news starts: when the previous digest went out, or for a first digest one
 * period before this one opened (a new coach hears about the last day or week, not everything).
 */
export function digestNewsSince(period: DigestPeriod, previousSentAt: string | null): string {
	if (previousSentAt) return previousSentAt;
	const length = period.closesAt.getTime() - period.opensAt.getTime();
	return new Date(period.opensAt.getTime() - length).toISOString();
}
