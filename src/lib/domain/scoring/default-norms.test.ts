import { describe, expect, it } from 'vitest';
import { DEFAULT_NORMS } from './default-norms.ts';
import { defaultNormsSource, deriveDefaultNorms, NORMS_SIMULATION } from './derive-norms.ts';
import { positionComposite } from './precision.ts';
import { scoreAssessment } from './score-assessment.ts';
import { simulateRespondents } from './simulation.ts';

describe('default norms', () => {
	it('are exactly what the seeded simulation derives (regenerate when this fails)', () => {
		const derived = deriveDefaultNorms();
		const message = `default-norms.ts is stale. Regenerate it:\n${defaultNormsSource(derived)}`;
		expect(DEFAULT_NORMS, message).toEqual(derived);
		expect(DEFAULT_NORMS.source).toBe('simulation');
	});

	it('imply the SD of P actually seen in a fresh simulated sample', () => {
		const people = simulateRespondents({ respondents: 4_000, seed: NORMS_SIMULATION.seed + 1 });
		const positions = people.map((person) => scoreAssessment(person.answers).position!);
		const mean = positions.reduce((s, v) => s + v, 0) / positions.length;
		const sd = Math.sqrt(
			positions.reduce((s, v) => s + (v - mean) ** 2, 0) / (positions.length - 1)
		);
		expect(Math.abs(positionComposite(DEFAULT_NORMS, 0b111).sd - sd)).toBeLessThan(1);
	});
});
