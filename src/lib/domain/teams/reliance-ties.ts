/**
 * From the reliance survey's answers to directed ties "A relies on B" (decision 0035).
 *
 * Each answer is one person's word about one teammate:
 * - "I go to them for help" and "I go to them for advice": the one answering relies on them;
 * - "they come to me for help": they rely on the one answering.
 * So a tie A → B has two witnesses: A (their help and advice answers about B, the stronger of the
 * two) and B (their "comes to me" answer about A). 'never' is no tie.
 *
 * When the two disagree, the tie stands on either word (a person who did not answer, or who
 * forgets a tie, does not erase what the other named), but a tie one side names and the other
 * explicitly denies ('never') counts at most as 'sometimes'. A tie named by only one side is
 * marked, so the team's figures can say how many ties rest on one word.
 *
 * Answers about oneself and answers that name someone not in the team are ignored and counted:
 * the survey's form refuses them, so here they can only come from a member who left or stale data,
 * and the analysis must still run on what is valid.
 */
export const RELIANCE_QUESTIONS = ['help', 'advice', 'comes-to-me'] as const;
export type RelianceQuestion = (typeof RELIANCE_QUESTIONS)[number];
export const RELIANCE_LEVELS = ['never', 'sometimes', 'often'] as const;
export type RelianceLevel = (typeof RELIANCE_LEVELS)[number];
export type TieStrength = Exclude<RelianceLevel, 'never'>;

export interface RelianceAnswer {
	from: string;
	to: string;
	question: RelianceQuestion;
	level: RelianceLevel;
}

/** `from` relies on `to`. */
export interface RelianceTie {
	from: string;
	to: string;
	strength: TieStrength;
	/** 'both' when both people named the tie; 'one' when it rests on one person's word. */
	namedBy: 'both' | 'one';
	/** One side named the tie and the other answered 'never'. */
	contradicted: boolean;
}

export interface IgnoredAnswers {
	/** Answers where someone named themselves. */
	aboutSelf: number;
	/** Answers from or about someone not in the team. */
	outsideTeam: number;
}

const RANK: Record<RelianceLevel, number> = { never: 0, sometimes: 1, often: 2 };
const stronger = (a: RelianceLevel | undefined, b: RelianceLevel) =>
	a === undefined || RANK[b] > RANK[a] ? b : a;

interface Witnesses {
	/** What the one who relies said (help/advice, the stronger). */
	relier?: RelianceLevel;
	/** What the one relied on said ("they come to me"). */
	helper?: RelianceLevel;
}

export function tiesFromAnswers(
	memberIds: Iterable<string>,
	answers: readonly RelianceAnswer[]
): { ties: RelianceTie[]; ignored: IgnoredAnswers; answered: Set<string> } {
	const members = new Set(memberIds);
	const ignored: IgnoredAnswers = { aboutSelf: 0, outsideTeam: 0 };
	const answered = new Set<string>();
	const pairs = new Map<string, Witnesses & { from: string; to: string }>();

	for (const answer of answers) {
		if (!members.has(answer.from) || !members.has(answer.to)) {
			ignored.outsideTeam++;
			continue;
		}
		if (answer.from === answer.to) {
			ignored.aboutSelf++;
			continue;
		}
		answered.add(answer.from);
		// "They come to me" turns the tie around: the teammate relies on the one answering.
		const helperSpeaks = answer.question === 'comes-to-me';
		const from = helperSpeaks ? answer.to : answer.from;
		const to = helperSpeaks ? answer.from : answer.to;
		const key = `${from}\u0000${to}`;
		const pair = pairs.get(key) ?? { from, to };
		if (helperSpeaks) pair.helper = stronger(pair.helper, answer.level);
		else pair.relier = stronger(pair.relier, answer.level);
		pairs.set(key, pair);
	}

	const ties: RelianceTie[] = [];
	for (const { from, to, relier, helper } of pairs.values()) {
		const tie = combine(relier, helper);
		if (tie) ties.push({ from, to, ...tie });
	}
	// A stable order, whatever order the answers came in.
	ties.sort((a, b) => compare(a.from, b.from) || compare(a.to, b.to));
	return { ties, ignored, answered };
}

function combine(
	relier: RelianceLevel | undefined,
	helper: RelianceLevel | undefined
): Omit<RelianceTie, 'from' | 'to'> | null {
	const named = [relier, helper].filter((l) => l === 'sometimes' || l === 'often');
	if (named.length === 0) return null;
	const contradicted = relier === 'never' || helper === 'never';
	const strongest = named.includes('often') ? 'often' : 'sometimes';
	return {
		strength: contradicted ? 'sometimes' : strongest,
		namedBy: named.length === 2 ? 'both' : 'one',
		contradicted
	};
}

export const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
