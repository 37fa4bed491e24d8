import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import Continuum from './Continuum.svelte';

describe('the continuum', () => {
	it('gives every label its own row, so equal positions never write over each other', () => {
		// A result whose overall and work-team positions are the same, as a coach found one.
		const { body } = render(Continuum, {
			props: {
				title: 'Where you land',
				description: 'Overall −20; Family −20; Friends −20; Work team −20.',
				dots: [
					{ value: -20, label: 'Overall', emphasis: 'primary' as const },
					{ value: -20, label: 'Family' },
					{ value: -20, label: 'Friends' },
					{ value: -20, label: 'Work team' }
				]
			}
		});
		const labels = [
			...body.matchAll(/<text x="([\d.]+)" y="([\d.]+)"[^>]*class="label[^"]*">([^<]+)</g)
		];
		expect(labels.map((m) => m[3])).toEqual(['Overall', 'Family', 'Friends', 'Work team']);
		const rows = labels.map((m) => m[2]);
		expect(new Set(rows).size).toBe(4);
		// And all inside the drawing.
		const height = Number(/viewBox="0 0 \d+ (\d+)"/.exec(body)![1]);
		for (const y of rows) expect(Number(y)).toBeLessThan(height);
	});
});
