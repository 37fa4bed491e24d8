import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../schemas/field-errors.ts';
import { newActionSchema, pauseSchema, reportSchema, rescheduleSchema } from './schemas.ts';

const today = '2026-11-27';
const good = {
	what: 'Ask Sam to look at the budget draft before Friday',
	withName: 'Sam',
	withEmail: '',
	domain: 'TEAM',
	kind: 'ask-help',
	discipline: 'discernment',
	schedule: 'date',
	dueOn: '2026-12-03',
	weekday: ''
};

function errorsOf(values: Record<string, string>) {
	const result = newActionSchema(today).safeParse(values);
	return result.success ? {} : fieldErrors(result.error);
}

describe('a new action', () => {
	it('accepts a complete action with a date and turns it into a schedule', () => {
		const parsed = newActionSchema(today).parse(good);
		expect(parsed.schedule).toEqual({ type: 'date', dueOn: '2026-12-03' });
		expect(parsed.withEmail).toBeNull();
	});

	it('accepts a weekly rhythm instead of a date', () => {
		const parsed = newActionSchema(today).parse({
			...good,
			schedule: 'weekly',
			dueOn: '',
			weekday: '3'
		});
		expect(parsed.schedule).toEqual({ type: 'weekly', weekday: 3 });
	});

	it('refuses an empty action with a message for every missing field', () => {
		expect(errorsOf({})).toEqual({
			what: 'Say what you will do, in a few words.',
			withName: 'Name the person you will do it with.',
			domain: 'Choose where this happens: family, friends or work.',
			kind: 'Choose what kind of step this is.',
			discipline: 'Choose the discipline this action practises.',
			schedule: 'Choose a date or a weekly rhythm.'
		});
		expect(errorsOf({ ...good, what: '   ', withName: ' ' })).toMatchObject({
			what: 'Say what you will do, in a few words.',
			withName: 'Name the person you will do it with.'
		});
	});

	it('refuses a web address as the other person’s name, which their email would greet', () => {
		expect(errorsOf({ ...good, withName: 'Sam, see www.evil.example' })).toEqual({
			withName: 'Write just their name: no web or email addresses.'
		});
	});

	it('shows every message at once, the date included, when several fields are wrong', () => {
		expect(errorsOf({ ...good, what: '', dueOn: '2026-11-01' })).toEqual({
			what: 'Say what you will do, in a few words.',
			dueOn: 'That day has already passed. Pick today or a later day.'
		});
	});

	it('refuses a day in the past, but accepts today', () => {
		expect(errorsOf({ ...good, dueOn: '2026-11-26' })).toEqual({
			dueOn: 'That day has already passed. Pick today or a later day.'
		});
		expect(errorsOf({ ...good, dueOn: today })).toEqual({});
	});

	it('refuses a missing, impossible or far-off date, and a missing weekday', () => {
		expect(errorsOf({ ...good, dueOn: '' }).dueOn).toBe(
			'Pick the day you want to have done it by.'
		);
		expect(errorsOf({ ...good, dueOn: '2026-02-30' }).dueOn).toMatch(/year-month-day/);
		expect(errorsOf({ ...good, dueOn: '2028-01-01' }).dueOn).toBe(
			'Pick a day within the next year.'
		);
		expect(errorsOf({ ...good, schedule: 'weekly', weekday: '8' }).weekday).toBe(
			'Choose the day of the week.'
		);
	});

	it('refuses an action longer than 280 characters and a malformed email', () => {
		expect(errorsOf({ ...good, what: 'x'.repeat(281) }).what).toMatch(/280 characters/);
		expect(errorsOf({ ...good, what: 'x'.repeat(280) })).toEqual({});
		expect(errorsOf({ ...good, withEmail: 'sam@' }).withEmail).toMatch(/name@example.com/);
		expect(
			newActionSchema(today).parse({ ...good, withEmail: ' sam@example.com ' }).withEmail
		).toBe('sam@example.com');
	});
});

describe('a report-back', () => {
	const report = { occurrence: '2026-12-03', outcome: 'partly', happened: 'We talked it through.' };

	it('needs only the outcome, and reads the optional fields', () => {
		expect(reportSchema.parse(report)).toMatchObject({
			outcome: 'partly',
			mutuality: null,
			measure: null
		});
		expect(
			reportSchema.parse({
				...report,
				mutuality: '4',
				compared: 'better',
				measure: '2,5',
				measureLabel: 'hours'
			})
		).toMatchObject({ mutuality: 4, compared: 'better', measure: 2.5, measureLabel: 'hours' });
		const missing = reportSchema.safeParse({ occurrence: '2026-12-03' });
		expect(missing.success ? {} : fieldErrors(missing.error)).toEqual({
			outcome: 'Choose done, partly or not yet.'
		});
	});

	it('refuses a text over 5,000 characters, a mutuality outside 1–5 and an unlabelled number', () => {
		const result = reportSchema.safeParse({
			...report,
			happened: 'a'.repeat(5001),
			mutuality: '6',
			measure: '20'
		});
		expect(result.success ? {} : fieldErrors(result.error)).toEqual({
			happened: 'Keep this to 5,000 characters. Your text is still here.',
			mutuality: 'Choose a number from 1 to 5.',
			measureLabel: 'Say what the number counts, for example "minutes" or "times".'
		});
	});
});

describe('pausing and moving', () => {
	it('pauses only until a day after today', () => {
		expect(pauseSchema(today).safeParse({ pauseUntil: today }).success).toBe(false);
		expect(pauseSchema(today).parse({ pauseUntil: '2026-12-10' })).toEqual({
			pauseUntil: '2026-12-10'
		});
	});

	it('moves a date to today but not to yesterday', () => {
		expect(rescheduleSchema(today).parse({ schedule: 'date', dueOn: today })).toEqual({
			type: 'date',
			dueOn: today
		});
		expect(
			rescheduleSchema(today).safeParse({ schedule: 'date', dueOn: '2026-11-20' }).success
		).toBe(false);
	});
});
