import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { routeTable } from './route-table.ts';

const routesDir = path.resolve('src/routes');

/** Route ids as SvelteKit derives them from +page / +server files. */
function discoverRouteIds(dir = routesDir): string[] {
	const ids: string[] = [];
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) ids.push(...discoverRouteIds(full));
		else if (/^\+(page|server)(\.server)?\.(ts|js|svelte)$/.test(entry.name)) {
			const rel = path.relative(routesDir, dir).split(path.sep).join('/');
			ids.push(rel ? `/${rel}` : '/');
		}
	}
	return [...new Set(ids)].sort();
}

describe('the route table', () => {
	it('declares every route in src/routes', () => {
		const undeclared = discoverRouteIds().filter((id) => !(id in routeTable));
		expect(undeclared).toEqual([]);
	});
	it('declares no route that does not exist', () => {
		const existing = new Set(discoverRouteIds());
		expect(Object.keys(routeTable).filter((id) => !existing.has(id))).toEqual([]);
	});
	it('guards every practice page with a policy', () => {
		for (const [id, access] of Object.entries(routeTable)) {
			if (id.startsWith('/practices')) expect(access.kind, id).toBe('policy');
		}
	});
});
