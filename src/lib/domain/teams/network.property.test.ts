import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseReliance } from './network.ts';
import { RELIANCE_LEVELS, RELIANCE_QUESTIONS } from './reliance-ties.ts';

const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
const team = ids.map((id) => ({ id, name: id.toUpperCase() }));
const answers = fc.array(
	fc.record({
		from: fc.constantFrom(...ids, 'gone'),
		to: fc.constantFrom(...ids),
		question: fc.constantFrom(...RELIANCE_QUESTIONS),
		level: fc.constantFrom(...RELIANCE_LEVELS)
	}),
	{ maxLength: 60 }
);

describe('the reliance network, on any answers', () => {
	it('keeps its figures consistent with each other and with the ties', () => {
		fc.assert(
			fc.property(answers, (given) => {
				const { people, ties, team: t, layout } = analyseReliance(team, given);
				const sum = (f: (p: (typeof people)[number]) => number) =>
					people.reduce((total, p) => total + f(p), 0);
				expect(sum((p) => p.inDegree)).toBe(t.tieCount);
				expect(sum((p) => p.outDegree)).toBe(t.tieCount);
				expect(ties).toHaveLength(t.tieCount);
				expect(ties.every((tie) => tie.from !== tie.to && ids.includes(tie.from))).toBe(true);
				expect(sum((p) => p.bothWays)).toBe(2 * t.bothWaysPairs);
				for (const p of people) {
					expect(p.isolate).toBe(p.inDegree + p.outDegree === 0);
					expect(p.betweenness).toBeGreaterThanOrEqual(0);
					expect(p.betweenness).toBeLessThanOrEqual(1);
					if (p.reciprocity !== null) expect(p.reciprocity).toBeLessThanOrEqual(1);
				}
				expect(layout.edges).toHaveLength(t.tiedPairs);
			})
		);
	});

	it('gives the same analysis whatever order the answers arrive in', () => {
		fc.assert(
			fc.property(answers, fc.integer(), (given, seed) => {
				const shuffled = given
					.map((a, i) => ({ a, key: Math.sin(seed + i) }))
					.sort((x, y) => x.key - y.key)
					.map((x) => x.a);
				expect(analyseReliance(team, shuffled)).toEqual(analyseReliance(team, given));
			}),
			{ numRuns: 50 }
		);
	});
});
