import { describe, expect, it } from 'vitest';
import { rosterQueryFrom } from './roster-query.ts';

describe('rosterQueryFrom', () => {
	it('reads the sort, filter, scope, search and page from the address', () => {
		const query = rosterQueryFrom(
			new URLSearchParams('sort=overdue&show=overdue&scope=all&q=Amara&page=3')
		);
		expect(query).toEqual({
			sort: 'overdue',
			filter: 'overdue',
			scope: 'all',
			search: 'Amara',
			page: 3
		});
	});

	it('falls back to the defaults for values typed by hand that mean nothing', () => {
		const query = rosterQueryFrom(
			new URLSearchParams(`sort=drop&show=x&scope=everyone&q=${'a'.repeat(300)}&page=-2`)
		);
		expect(query).toEqual({
			sort: 'name',
			filter: 'all',
			scope: 'mine',
			search: 'a'.repeat(200),
			page: 1
		});
	});
});
