import { formatLongDate } from '../../format.ts';

/** One time the other person of an action was asked, and whether they answered. */
export interface Ask {
	createdAt: string;
	expiresAt: string;
	answeredAt: string | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** A weekly action's other person is asked at most this often: about once per occurrence. */
export const WEEKLY_ASK_GAP_MS = 6 * DAY_MS;

/**
 * Why the other person of an action may not be asked (again) now, or null. One open link at a
 * time; a one-off action is asked about until they answer, once; a weekly one about once a week.
 * Nobody is sent emails by the dozen, and the page says so instead of offering the button.
 * `asks` are newest first.
 */
export function askRefusal(
	asks: readonly Ask[],
	scheduleType: 'date' | 'weekly',
	now: Date,
	withName: string
): string | null {
	const at = now.toISOString();
	const open = asks.find((a) => !a.answeredAt && a.expiresAt > at);
	if (open)
		return `You asked ${withName} on ${formatLongDate(open.createdAt)}. That link works until ${formatLongDate(open.expiresAt)}: wait for the answer, or for the link to run out.`;
	if (scheduleType === 'date' && asks.some((a) => a.answeredAt))
		return `${withName} has answered about this action.`;
	const last = asks[0];
	if (
		scheduleType === 'weekly' &&
		last &&
		now.getTime() - Date.parse(last.createdAt) < WEEKLY_ASK_GAP_MS
	)
		return `You asked ${withName} on ${formatLongDate(last.createdAt)}. For a weekly action you can ask once a week.`;
	return null;
}
