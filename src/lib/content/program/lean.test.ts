import { describe, expect, it } from 'vitest';
import { examineVariantFor } from './lean.ts';

describe('the version of step 2 a person sees', () => {
	it('follows the lean of their result, and lets them choose without one', () => {
		const at = (position: number | null, pulledBothWays = false) =>
			examineVariantFor({ position, pulledBothWays });
		expect(at(-15)).toBe('independent');
		expect(at(15)).toBe('dependent');
		expect(at(-14.9)).toBe('choose');
		expect(at(14.9)).toBe('choose');
		expect(at(null)).toBe('choose');
		expect(at(-60, true)).toBe('choose');
		expect(examineVariantFor(null)).toBe('choose');
	});
});
