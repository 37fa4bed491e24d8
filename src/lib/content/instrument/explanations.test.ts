import { describe, expect, it } from 'vitest';
import { ZONES } from '../../domain/scoring/zones.ts';
import { DOMAINS } from './codes.ts';
import { explanationFor } from './explanations.ts';

describe('result explanations', () => {
	it('has a warm explanation with a next step for every zone, overall and per domain', () => {
		const all = ZONES.flatMap((zone) => [
			explanationFor(zone),
			...DOMAINS.map((d) => explanationFor(zone, d))
		]);
		expect(all).toHaveLength(24);
		for (const explanation of all) {
			expect(explanation.title.length).toBeGreaterThan(10);
			expect(explanation.next).toMatch(/^Try next: /);
			expect(`${explanation.title} ${explanation.body}`).toMatch(/\b(you|your)\b/i);
			expect(explanation.body).not.toMatch(/over-|inconsistent|needy|disorder/i);
		}
		expect(new Set(all.map((explanation) => explanation.title)).size).toBe(24);
	});

	it('speaks of leaning and being pulled both ways, and names the domain', () => {
		expect(explanationFor('independent', 'TEAM').title).toBe('At work, you lean independent.');
		expect(explanationFor('pulled-both-ways').title).toBe('You are pulled both ways.');
		expect(explanationFor('midpoint', 'FAM').title).toMatch(/family/);
	});

	it('keeps sentences short', () => {
		for (const zone of ZONES) {
			for (const explanation of [
				explanationFor(zone),
				...DOMAINS.map((d) => explanationFor(zone, d))
			]) {
				for (const sentence of explanation.body.split(/(?<=\.)\s+/)) {
					expect(sentence.split(/\s+/).length).toBeLessThanOrEqual(22);
				}
			}
		}
	});
});
