import type { TeamMember } from '../../src/lib/domain/teams/network.ts';
import type {
	RelianceAnswer,
	RelianceLevel,
	RelianceQuestion
} from '../../src/lib/domain/teams/reliance-ties.ts';

/** Members named by id with a capital first letter: `members('ana', 'ben')`. */
export const members = (...ids: string[]): TeamMember[] =>
	ids.map((id) => ({ id, name: id[0]!.toUpperCase() + id.slice(1) }));

export const answer = (
	from: string,
	question: RelianceQuestion,
	to: string,
	level: RelianceLevel
): RelianceAnswer => ({ from, to, question, level });

/**
 * A team of 8 with one isolated person (Hana) and one bottleneck (Dan): Ana, Ben and Cleo rely on
 * each other; Eli, Fay and Gus form a second group; Dan is the only link between the two. The
 * figures it must give are worked out by hand in network.test.ts; the demo team has this shape.
 */
export function mixedTeamOfEight(): { people: TeamMember[]; answers: RelianceAnswer[] } {
	const people = members('ana', 'ben', 'cleo', 'dan', 'eli', 'fay', 'gus', 'hana');
	const answers = [
		answer('ana', 'help', 'ben', 'often'),
		answer('ben', 'help', 'ana', 'sometimes'),
		answer('ana', 'advice', 'cleo', 'sometimes'),
		answer('cleo', 'help', 'ana', 'often'),
		answer('ben', 'help', 'cleo', 'sometimes'),
		answer('cleo', 'advice', 'ben', 'sometimes'),
		answer('ana', 'help', 'dan', 'often'),
		answer('dan', 'advice', 'ana', 'often'),
		answer('dan', 'advice', 'eli', 'often'),
		answer('fay', 'help', 'dan', 'sometimes'),
		answer('dan', 'comes-to-me', 'fay', 'sometimes'),
		answer('eli', 'help', 'fay', 'often'),
		answer('fay', 'help', 'eli', 'often'),
		answer('gus', 'help', 'fay', 'often'),
		answer('gus', 'advice', 'eli', 'sometimes'),
		// Hana answered, and named nobody; nobody named her.
		...['ana', 'ben', 'cleo', 'dan', 'eli', 'fay', 'gus'].flatMap((to) =>
			(['help', 'advice', 'comes-to-me'] as const).map((q) => answer('hana', q, to, 'never'))
		)
	];
	return { people, answers };
}

/**
 * A team of `size` where each person names a few teammates, from a fixed-seed generator: the
 * same size always gives the same team.
 */
export function largeTeam(
	size: number,
	seed = 7
): { people: TeamMember[]; answers: RelianceAnswer[] } {
	let state = seed;
	const random = () => {
		state = (state * 1103515245 + 12345) % 2 ** 31;
		return state / 2 ** 31;
	};
	const people = Array.from({ length: size }, (_, i) => ({
		id: `p${String(i).padStart(3, '0')}`,
		name: `Person ${i + 1}`
	}));
	const questions = ['help', 'advice', 'comes-to-me'] as const;
	const answers: RelianceAnswer[] = [];
	for (const p of people) {
		for (let k = 0; k < 5; k++) {
			const to = people[Math.floor(random() * size)]!;
			const question = questions[Math.floor(random() * 3)]!;
			if (to.id !== p.id)
				answers.push(answer(p.id, question, to.id, random() < 0.4 ? 'often' : 'sometimes'));
		}
	}
	return { people, answers };
}
