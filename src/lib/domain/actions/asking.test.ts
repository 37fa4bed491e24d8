import { describe, expect, it } from 'vitest';
import { askRefusal, type Ask } from './asking.ts';

const now = new Date('2026-11-30T12:00:00Z');
const ask = (createdAt: string, answeredAt: string | null = null): Ask => ({
	createdAt,
	expiresAt: new Date(Date.parse(createdAt) + 14 * 86_400_000).toISOString(),
	answeredAt
});

describe('asking the other person of an action', () => {
	it('may ask once nobody has been asked', () => {
		expect(askRefusal([], 'date', now, 'Sam')).toBeNull();
		expect(askRefusal([], 'weekly', now, 'Sam')).toBeNull();
	});

	it('waits while a link is open, and says until when', () => {
		expect(askRefusal([ask('2026-11-28T09:00:00Z')], 'date', now, 'Sam')).toBe(
			'You asked Sam on 28 November 2026. That link works until 12 December 2026: wait for the answer, or for the link to run out.'
		);
	});

	it('asks about a one-off action until they answer, once', () => {
		const answered = [ask('2026-11-01T09:00:00Z', '2026-11-02T09:00:00Z')];
		expect(askRefusal(answered, 'date', now, 'Sam')).toBe('Sam has answered about this action.');
		const expired = [ask('2026-11-01T09:00:00Z')];
		expect(askRefusal(expired, 'date', now, 'Sam')).toBeNull();
	});

	it('asks about a weekly action about once a week', () => {
		const recent = [ask('2026-11-27T09:00:00Z', '2026-11-27T10:00:00Z')];
		expect(askRefusal(recent, 'weekly', now, 'Sam')).toMatch(/can ask once a week/);
		const lastWeek = [ask('2026-11-23T09:00:00Z', '2026-11-23T10:00:00Z')];
		expect(askRefusal(lastWeek, 'weekly', now, 'Sam')).toBeNull();
	});
});
