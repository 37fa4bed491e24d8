import { ATTENTION_EXPECTED, ATTENTION_ID, SCORED_ITEM_COUNT } from './item-layout.ts';
import { previousFlags } from './previous-flags.ts';
import { QUALITY_FLAGS } from './quality-flags.ts';
import { readAnswers } from './read-answers.ts';
import {
	ALTERNATIVE_MODEL,
	PROJECT_MODEL,
	RESPONDER_KINDS,
	simulateResponders,
	type GenerativeModel,
	type ResponderKind
} from './responders.ts';
import { scoreAssessment } from './score-assessment.ts';
import { createRandom } from './simulation.ts';
import { QUICK_READERS, STEADY_READERS, timingsFor, type SpeedModel } from './speed-study.ts';

/**
 * The simulation study behind the quality-flag thresholds (decision 0026): for each generative
 * model and kind of responder, the share of people each flag marks, under the previous rules
 * and the current ones. Pure and seeded: the same options give the same table.
 */
export type FlagStudyOptions = {
	/** Simulated people per model and kind. */
	perKind: number;
	seed: number;
	/** Share of honest people who slip on the attention line anyway (a real-life allowance). */
	honestAttentionSlip?: number;
	models?: readonly GenerativeModel[];
	/**
	 * Give everyone page timings (decision 0032), so the too-fast flag counts too: honest people
	 * read at the paired speed model (project: steady, alternative: quick), the careless click at
	 * about 1.2 s a line. Without it, nobody has timings and too-fast is left out of the table.
	 */
	timed?: boolean;
};

/** Honest reading speed paired with each generative model in the timed study. */
export const SPEED_FOR_MODEL: Record<string, SpeedModel> = {
	project: STEADY_READERS,
	alternative: QUICK_READERS
};

export type FlagStudyRow = {
	model: string;
	kind: ResponderKind;
	n: number;
	/** Share flagged per flag code, previous rules (flags that did not exist are absent). */
	before: Record<string, number>;
	after: Record<string, number>;
	anyBefore: number;
	anyAfter: number;
	/** Any current flag other than the attention line: what a file without ATTN_1 would show. */
	anyAfterWithoutAttention: number;
};

export const PREVIOUS_FLAG_CODES = [
	'longstring',
	'low-spread',
	'even-odd-inconsistent',
	'both-poles-high',
	'attention-missed'
] as const;

export const DEFAULT_ATTENTION_SLIP = 0.02;
/** The seed of the published figures (decision 0026). */
export const FLAG_STUDY_SEED = 20_261_129;

function wrongAttention(random: () => number): number {
	const other = 1 + Math.floor(random() * 4);
	return other >= ATTENTION_EXPECTED ? other + 1 : other;
}

export function runFlagStudy(options: FlagStudyOptions): FlagStudyRow[] {
	const models = options.models ?? [PROJECT_MODEL, ALTERNATIVE_MODEL];
	const slip = options.honestAttentionSlip ?? DEFAULT_ATTENTION_SLIP;
	const rekeyed = new Float64Array(SCORED_ITEM_COUNT);
	const rows: FlagStudyRow[] = [];
	models.forEach((model, m) => {
		RESPONDER_KINDS.forEach((kind, k) => {
			const seed = options.seed + 1000 * m + k;
			const people = simulateResponders(kind, model, options.perKind, seed);
			const random = createRandom(seed + 500);
			const clock = createRandom(seed + 700);
			const speed = SPEED_FOR_MODEL[model.name] ?? STEADY_READERS;
			const before: Record<string, number> = {};
			const after: Record<string, number> = {};
			let anyBefore = 0;
			let anyAfter = 0;
			let anyWithoutAttention = 0;
			for (const answers of people) {
				if (kind === 'honest' && random() < slip) answers[ATTENTION_ID] = wrongAttention(random);
				const pageTimings = options.timed ? timingsFor(kind, clock, speed) : undefined;
				const score = scoreAssessment(answers, { attentionPresented: true, pageTimings });
				readAnswers(answers, rekeyed);
				const old = previousFlags(score, rekeyed);
				for (const flag of old) before[flag] = (before[flag] ?? 0) + 1;
				for (const flag of score.flags) after[flag] = (after[flag] ?? 0) + 1;
				if (old.length > 0) anyBefore++;
				if (score.flags.length > 0) anyAfter++;
				if (score.flags.some((flag) => flag !== 'attention-missed')) anyWithoutAttention++;
			}
			const n = people.length;
			const share = (codes: readonly string[], counts: Record<string, number>) =>
				Object.fromEntries(codes.map((code) => [code, (counts[code] ?? 0) / n]));
			rows.push({
				model: model.name,
				kind,
				n,
				before: share(PREVIOUS_FLAG_CODES, before),
				after: share(
					QUALITY_FLAGS.filter((flag) => options.timed || flag !== 'too-fast'),
					after
				),
				anyBefore: anyBefore / n,
				anyAfter: anyAfter / n,
				anyAfterWithoutAttention: anyWithoutAttention / n
			});
		});
	});
	return rows;
}

/** The targets the thresholds were chosen to meet, on every model. */
export const FLAG_TARGETS: Record<ResponderKind, { atMost?: number; atLeast?: number }> = {
	honest: { atMost: 0.05 },
	'straight-line': { atLeast: 0.99 },
	random: { atLeast: 0.6 },
	alternating: { atLeast: 0.9 },
	'half-careless': {}
};

const percent = (value: number): string => (100 * value).toFixed(1);

/** The study as Markdown tables, one per rule set, for the decision note and the manual. */
export function flagStudyMarkdown(
	rows: readonly FlagStudyRow[],
	afterTitle = 'After: current rules'
): string {
	const table = (title: string, codes: string[], pick: (row: FlagStudyRow) => number[]) => {
		const header = ['model', 'responders', ...codes];
		return [
			`${title} (% flagged, n = ${rows[0]?.n ?? 0} per row)`,
			'',
			`| ${header.join(' | ')} |`,
			`|${header.map(() => '---').join('|')}|`,
			...rows.map((row) => `| ${[row.model, row.kind, ...pick(row).map(percent)].join(' | ')} |`)
		].join('\n');
	};
	const afterCodes = Object.keys(rows[0]?.after ?? {});
	return [
		table('Before: previous rules', [...PREVIOUS_FLAG_CODES, 'any'], (row) => [
			...PREVIOUS_FLAG_CODES.map((code) => row.before[code]!),
			row.anyBefore
		]),
		table(afterTitle, [...afterCodes, 'any', 'any without attention line'], (row) => [
			...afterCodes.map((code) => row.after[code]!),
			row.anyAfter,
			row.anyAfterWithoutAttention
		])
	].join('\n\n');
}
