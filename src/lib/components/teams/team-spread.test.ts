import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { summariseSpread } from '../../domain/teams/spread.ts';
import TeamSpread from './TeamSpread.svelte';

const team = [
	{ score: -62 },
	{ score: -20, name: 'Ben' },
	{ score: -14 },
	{ score: 0, name: 'Ana' },
	{ score: 14.9 },
	{ score: 15 },
	{ score: 48 },
	{ score: 100 }
];
const draw = (positions: { score: number; name?: string }[]) =>
	render(TeamSpread, {
		props: { summary: summariseSpread(positions), title: 'Where the team stands' }
	}).body;

describe('the team’s spread on the continuum', () => {
	const html = draw(team);

	it('stands a bar for each stretch with people in it on the continuum axis, with its count', () => {
		const bars = [...html.matchAll(/<rect [^>]*class="bar[^"]*"[^>]*>/g)];
		expect(bars).toHaveLength(5);
		// The Continuum's own axis, poles and midpoint line are there: no axis of its own.
		expect(html).toContain('>Independent</text>');
		expect(html).toContain('>Dependent</text>');
		expect(html.match(/class="axis/g)).toHaveLength(1);
		// −62 | −20 −14 | 0 14.9 15 | 48 | 100: the tallest bar is 0 to under +20, 3 people.
		const heights = bars.map((b) => Number(b[0].match(/height="([\d.]+)"/)![1]));
		const counts = [...html.matchAll(/class="count[^"]*">(\d+)<\/text>/g)].map((m) => Number(m[1]));
		expect(counts).toEqual([1, 2, 3, 1, 1]);
		expect(heights[counts.indexOf(3)]).toBe(Math.max(...heights));
	});

	it('names only those who carry a name, and says the median, spread and midpoint in words', () => {
		expect(html).toContain('>Ben</text>');
		expect(html).toContain('>Ana</text>');
		expect(html.match(/class="label[^"]*">/g)).toHaveLength(3); // Median, Ben, Ana
		expect(html).toContain('8 people; the median is +7.');
		expect(html).toContain('The middle half stands between −15 and +23, 39 points apart.');
		expect(html).toContain('3 of 8 are near the midpoint (within 15 points).');
		expect(html).toContain('Shown by name: Ben −20, Ana 0.');
		expect(html).toMatch(/<th scope="row">0 to under \+20<\/th>\s*<td>3<\/td>/);
		expect(html).toMatch(/<th scope="row">\+80 to \+100<\/th>\s*<td>1<\/td>/);
	});

	it('shows nobody by name when nobody agreed', () => {
		const anonymous = draw(team.map(({ score }) => ({ score })));
		expect(anonymous).not.toContain('Ben');
		expect(anonymous).not.toContain('Shown by name');
		expect(anonymous.match(/class="label[^"]*">/g)).toHaveLength(1);
	});
});
