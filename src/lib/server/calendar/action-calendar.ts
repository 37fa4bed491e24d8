import ical, { type ICalCalendar } from 'ical-generator';
import { firstOccurrence } from '../../domain/actions/schedule.ts';
import type { ActionView } from '../actions/view.ts';

const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

export function newActionsCalendar(options: { ttlSeconds?: number } = {}): ICalCalendar {
	return ical({
		name: 'Midpoint actions',
		prodId: { company: 'Midpoint', product: 'actions', language: 'EN' },
		ttl: options.ttlSeconds ?? null
	});
}

/**
 * Adds one action: an all-day event on its due date, or a weekly all-day event on its rhythm's
 * weekday from the first occurrence. The event links back to the action to report.
 */
export function addActionEvent(calendar: ICalCalendar, action: ActionView, baseUrl: string): void {
	const start = firstOccurrence(action.schedule);
	const link = `${baseUrl}/actions/${action.id}`;
	calendar.createEvent({
		id: `${action.id}@midpoint`,
		start: new Date(`${start}T00:00:00Z`),
		allDay: true,
		summary: `${action.what} (with ${action.withName})`,
		description: `${action.kindName}. When it is done, report back in Midpoint: ${link}`,
		url: link,
		timezone: 'UTC',
		repeating:
			action.schedule.type === 'weekly'
				? `FREQ=WEEKLY;BYDAY=${BYDAY[action.schedule.weekday - 1]}`
				: null
	});
}

/** One action as a calendar file. */
export function actionCalendar(action: ActionView, baseUrl: string): string {
	const calendar = newActionsCalendar();
	addActionEvent(calendar, action, baseUrl);
	return calendar.toString();
}
