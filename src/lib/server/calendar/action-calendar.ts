import ical from 'ical-generator';
import { firstOccurrence } from '../../domain/actions/schedule.ts';
import type { ActionView } from '../actions/view.ts';

const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/**
 * One action as a calendar file: an all-day event on its due date, or a weekly all-day event on
 * its rhythm's weekday from the first occurrence. The event links back to the action to report.
 */
export function actionCalendar(action: ActionView, baseUrl: string): string {
	const calendar = ical({
		name: 'Midpoint actions',
		prodId: { company: 'Midpoint', product: 'actions', language: 'EN' }
	});
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
	return calendar.toString();
}
