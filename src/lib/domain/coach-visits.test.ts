import { describe, expect, it } from 'vitest';
import { comparedWith, markView, VISIT_GAP_MS } from './coach-visits.ts';

const at = (iso: string, plusMs = 0) => new Date(Date.parse(iso) + plusMs).toISOString();
const MONDAY = '2026-11-23T09:00:00.000Z';
const TODAY = '2026-11-29T15:00:00.000Z';

describe('coach visits', () => {
	it('compares a first visit with nothing, so everything shows as new', () => {
		expect(comparedWith({ seenAt: null, previousVisitAt: null }, TODAY)).toBeNull();
	});

	it('compares a new visit with the last look, and keeps doing so on a reload', () => {
		const before = { seenAt: MONDAY, previousVisitAt: null };
		expect(comparedWith(before, TODAY)).toBe(MONDAY);
		const afterFirstView = markView(before, TODAY);
		expect(afterFirstView).toEqual({ seenAt: TODAY, previousVisitAt: MONDAY });
		const reload = at(TODAY, 60_000);
		expect(comparedWith(afterFirstView, reload)).toBe(MONDAY);
		expect(markView(afterFirstView, reload)).toEqual({ seenAt: reload, previousVisitAt: MONDAY });
	});

	it('starts a new visit after a gap, which then compares with the visit before', () => {
		const marks = { seenAt: TODAY, previousVisitAt: MONDAY };
		const later = at(TODAY, VISIT_GAP_MS + 1);
		expect(comparedWith(marks, later)).toBe(TODAY);
		expect(comparedWith(marks, at(TODAY, VISIT_GAP_MS - 1))).toBe(MONDAY);
	});

	it('never moves the last look backwards (a view from a process whose clock lags)', () => {
		const marks = { seenAt: TODAY, previousVisitAt: MONDAY };
		expect(markView(marks, at(TODAY, -5_000))).toEqual(marks);
	});
});
