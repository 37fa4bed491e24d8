import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	arrivedSince,
	isNewReport,
	newSinceLastVisit,
	tagAsNew,
	tagReportAsNew
} from './new-since-visit.ts';

const visit = '2026-11-20T10:00:00.000Z';
const before = '2026-11-19T08:00:00.000Z';
const after = '2026-11-21T08:00:00.000Z';
const moment = fc
	.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) })
	.map((ms) => new Date(ms).toISOString());

describe('what is new since the coach last visited', () => {
	it('counts what came after the visit, not what came before or nothing at all', () => {
		expect(arrivedSince(after, visit)).toBe(true);
		expect(arrivedSince(before, visit)).toBe(false);
		expect(arrivedSince(visit, visit)).toBe(false);
		expect(arrivedSince(null, visit)).toBe(false);
		expect(arrivedSince(before, null)).toBe(true);
		expect(arrivedSince(null, null)).toBe(false);
	});

	it('leaves skipped weeks out: a skip tells the coach nothing to read', () => {
		expect(isNewReport({ skipped: false, updatedAt: after }, visit)).toBe(true);
		expect(isNewReport({ skipped: true, updatedAt: after }, visit)).toBe(false);
		expect(isNewReport({ skipped: false, updatedAt: before }, visit)).toBe(false);
	});

	it('sums entries, report-backs and unread replies from the client', () => {
		const reply = (byClient: boolean, isNew: boolean) => ({ byClient, isNew });
		const counts = newSinceLastVisit(
			visit,
			[
				{ sharedAt: after, replies: [reply(true, true), reply(false, true)] },
				{ sharedAt: before, replies: [reply(true, false)] }
			],
			[
				{ skipped: false, updatedAt: after, replies: [] },
				{ skipped: true, updatedAt: after, replies: [] },
				{ skipped: false, updatedAt: before, replies: [reply(true, true)] }
			]
		);
		expect(counts).toEqual({ entries: 1, reports: 1, replies: 2 });
	});

	it('on a first visit, counts everything but tags nothing', () => {
		const counts = newSinceLastVisit(
			null,
			[{ sharedAt: before, replies: [] }],
			[{ skipped: false, updatedAt: before, replies: [] }]
		);
		expect(counts).toEqual({ entries: 1, reports: 1, replies: 0 });
		expect(tagAsNew(before, null)).toBe(false);
		expect(tagReportAsNew({ skipped: false, updatedAt: before }, null)).toBe(false);
		expect(tagAsNew(after, visit)).toBe(true);
		expect(tagReportAsNew({ skipped: false, updatedAt: after }, visit)).toBe(true);
	});

	it('agrees between the summary and the tags on a return visit', () => {
		fc.assert(
			fc.property(moment, fc.array(moment, { maxLength: 8 }), (seen, times) => {
				const entries = times.map((sharedAt) => ({ sharedAt, replies: [] }));
				const tagged = times.filter((at) => tagAsNew(at, seen)).length;
				expect(newSinceLastVisit(seen, entries, []).entries).toBe(tagged);
				expect(tagged).toBe(times.filter((at) => at > seen).length);
			})
		);
	});
});
