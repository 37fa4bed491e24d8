import { describe, expect, it } from 'vitest';
import { formatPosition, formatSigned } from './format.ts';

describe('positions as written on pages', () => {
	it('are signed with a true minus sign, never a hyphen', () => {
		expect([-42.4, -0.4, 0, 12.6].map(formatSigned)).toEqual(['\u221242', '0', '0', '+13']);
		expect(formatPosition(-8)).toBe('\u22128');
		expect(formatPosition(null)).toBe('—');
	});
});
