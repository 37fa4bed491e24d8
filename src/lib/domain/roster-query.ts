import { ROSTER_FILTERS, ROSTER_SORTS, type RosterFilter, type RosterSort } from './roster.ts';

export interface RosterQuery {
	sort: RosterSort;
	filter: RosterFilter;
	scope: 'mine' | 'all';
	search: string;
	page: number;
}

function pick<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
	return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/**
 * The roster's address (`?sort=&show=&scope=&q=&page=`) as a query: anything unknown or typed
 * by hand falls back to the default rather than failing, and a search is cut to 200 characters.
 */
export function rosterQueryFrom(params: URLSearchParams): RosterQuery {
	return {
		sort: pick<RosterSort>(params.get('sort'), ROSTER_SORTS, 'name'),
		filter: pick<RosterFilter>(params.get('show'), ROSTER_FILTERS, 'all'),
		scope: pick(params.get('scope'), ['mine', 'all'] as const, 'mine'),
		search: (params.get('q') ?? '').slice(0, 200),
		page: Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1)
	};
}
