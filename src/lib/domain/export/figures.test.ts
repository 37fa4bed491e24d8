import { describe, expect, it } from 'vitest';
import { figure } from './figures.ts';

describe('a score in a download', () => {
	it('has two decimals at most, keeps its sign, and stays empty when there is none', () => {
		expect(figure(34.722222222222214)).toBe(34.72);
		expect(figure(-12.3456)).toBe(-12.35);
		expect(figure(0.004)).toBe(0);
		expect(figure(50)).toBe(50);
		expect(figure(null)).toBeNull();
		expect(figure(undefined)).toBeNull();
	});
});
