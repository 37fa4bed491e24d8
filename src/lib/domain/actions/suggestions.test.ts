import { describe, expect, it } from 'vitest';
import { ACTION_SUGGESTIONS } from '../../content/program/action-suggestions.ts';
import { pickSuggestions } from './suggestions.ts';

describe('suggestions fitted to a lean', () => {
	it('has at least 20 suggestions, enough for every lean', () => {
		expect(ACTION_SUGGESTIONS.length).toBeGreaterThanOrEqual(20);
		for (const suits of ['independent', 'dependent', 'any'] as const)
			expect(ACTION_SUGGESTIONS.filter((s) => s.suits === suits).length).toBeGreaterThanOrEqual(5);
	});

	it('offers four that fit: three for the lean and one for anyone', () => {
		for (const lean of ['independent', 'dependent'] as const) {
			const picked = pickSuggestions(ACTION_SUGGESTIONS, lean, '2026-11-27');
			expect(picked).toHaveLength(4);
			expect(picked.filter((s) => s.suits === lean)).toHaveLength(3);
			expect(picked.filter((s) => s.suits === 'any')).toHaveLength(1);
		}
		const mixed = pickSuggestions(ACTION_SUGGESTIONS, 'mixed', '2026-11-27');
		expect(mixed.map((s) => s.suits).sort()).toEqual(['any', 'any', 'dependent', 'independent']);
	});

	it('turns over from one day to the next and leaves out ones already in use', () => {
		const monday = pickSuggestions(ACTION_SUGGESTIONS, 'independent', '2026-11-30');
		const tuesday = pickSuggestions(ACTION_SUGGESTIONS, 'independent', '2026-12-01');
		expect(monday.map((s) => s.id)).not.toEqual(tuesday.map((s) => s.id));
		const inUse = new Set(monday.map((s) => s.id));
		const again = pickSuggestions(ACTION_SUGGESTIONS, 'independent', '2026-11-30', inUse);
		expect(again).toHaveLength(4);
		expect(again.some((s) => inUse.has(s.id))).toBe(false);
	});
});
