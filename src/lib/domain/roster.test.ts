import { describe, expect, it } from 'vitest';
import { rosterComparators, type RosterRowLike, type RosterStatus } from './roster.ts';

function row(name: string, status: Partial<RosterStatus>): RosterRowLike {
	return {
		name,
		position: null,
		lastActivityAt: null,
		status: {
			lean: 'none',
			change: null,
			changeKind: null,
			overdue: 0,
			overdueSince: null,
			hasNew: false,
			...status
		}
	};
}

describe('the roster sorted by what needs attention', () => {
	it('puts overdue report-backs first (longest first), then something new, then the rest', () => {
		const rows = [
			row('Ada', {}),
			row('Ben', { hasNew: true }),
			row('Cleo', { overdue: 1, overdueSince: '2026-11-20' }),
			row('Dev', { overdue: 2, overdueSince: '2026-11-02', hasNew: true }),
			row('Ezra', { hasNew: true })
		];
		expect(rows.sort(rosterComparators.attention).map((r) => r.name)).toEqual([
			'Dev',
			'Cleo',
			'Ben',
			'Ezra',
			'Ada'
		]);
	});
});
