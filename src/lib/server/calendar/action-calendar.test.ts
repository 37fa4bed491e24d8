import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { toView } from '../actions/view.ts';
import type { ActionRow } from '../actions/repository.ts';
import { actionCalendar } from './action-calendar.ts';

function row(overrides: Partial<ActionRow>): ActionRow {
	return {
		id: 'a1b2c3',
		user_id: 'u1',
		what: 'Cook dinner together, sharing the washing up',
		with_name: 'Sam',
		with_email: null,
		domain: 'FAM',
		kind: 'together',
		discipline: 'commitment',
		due_on: '2026-12-03',
		weekday: null,
		starts_on: '2026-11-27',
		paused_until: null,
		suggestion_id: null,
		created_at: '2026-11-27T09:00:00.000Z',
		updated_at: '2026-11-27T09:00:00.000Z',
		closed_at: null,
		...overrides
	} as ActionRow;
}

function parse(text: string) {
	const calendar = new ICAL.Component(ICAL.parse(text));
	const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
	return { calendar, event };
}

describe('an action as a calendar file', () => {
	it('is an all-day event on the due date that links back to report', () => {
		const { event } = parse(
			actionCalendar(toView(row({}), [], '2026-11-27'), 'https://coach.example.com')
		);
		expect(event.summary).toBe('Cook dinner together, sharing the washing up (with Sam)');
		expect(event.startDate.toString()).toBe('2026-12-03');
		expect(event.startDate.isDate).toBe(true);
		expect(event.description).toContain('https://coach.example.com/actions/a1b2c3');
		expect(event.isRecurring()).toBe(false);
	});

	it('repeats every week on the rhythm day, from the first occurrence after committing', () => {
		// Committed on Friday 27 November; the rhythm is Wednesdays (3).
		const weekly = row({ due_on: null, weekday: 3 });
		const { event } = parse(
			actionCalendar(toView(weekly, [], '2026-11-27'), 'http://localhost:3000')
		);
		expect(event.isRecurring()).toBe(true);
		expect(event.startDate.toString()).toBe('2026-12-02');
		const next = event.iterator();
		const dates = [next.next(), next.next(), next.next()].map((d) => d!.toString());
		expect(dates).toEqual(['2026-12-02', '2026-12-09', '2026-12-16']);
	});
});
