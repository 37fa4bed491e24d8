import { describe, expect, it } from 'vitest';
import { describeChange } from './describe-change.ts';

describe('describing a move on the continuum', () => {
	it('calls a move towards 0 "closer to the midpoint", from either side', () => {
		expect(describeChange({ delta: 43, rci: 3, verdict: 'reliable' }, -24)).toBe(
			"You moved 43 points closer to the midpoint. That is a real change: larger than the assessment's measurement noise."
		);
		expect(describeChange({ delta: -20, rci: -1.8, verdict: 'likely' }, 10)).toMatch(
			/^You moved 20 points closer to the midpoint\. That is probably a real change/
		);
	});
	it('names the side when the move is away from the midpoint or across it', () => {
		expect(describeChange({ delta: -12, rci: -0.9, verdict: 'within-noise' }, -40)).toBe(
			'You moved 12 points towards the independent side. That is within the measurement noise, so treat it as no clear change yet.'
		);
		expect(describeChange({ delta: 50, rci: 4, verdict: 'reliable' }, 20)).toMatch(
			/^You moved 50 points across the midpoint, towards the dependent side\./
		);
	});
	it('says so when nothing moved', () => {
		expect(describeChange({ delta: 0.2, rci: 0, verdict: 'within-noise' }, 5)).toMatch(
			/^You stayed in the same place\./
		);
	});
});
