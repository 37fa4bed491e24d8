import { instrumentV1 } from '../../content/instrument/instrument.ts';
import type { PageTiming } from './quality-flags.ts';
import { QUALITY_THRESHOLDS, rushedPages } from './quality-flags.ts';
import type { ResponderKind } from './responders.ts';
import { createRandom, normal } from './simulation.ts';

/**
 * Page timings for simulated people, so the too-fast flag can be calibrated like the others
 * (decision 0032). Nobody's real timings were available: every figure here rests on the
 * assumptions below, which the manual states beside the rates.
 *
 * A person reads at their own pace: seconds per line are log-normal, one draw per person
 * (median `medianSeconds`, spread `personSpread` on the log scale) and one more per page
 * (`pageSpread`), so a person who is quick is quick on most pages.
 */
export type SpeedModel = {
	name: string;
	description: string;
	medianSeconds: number;
	personSpread: number;
	pageSpread: number;
};

/** Careful readers: about 6 s a line (a 15–20-word line read, weighed and clicked). */
export const STEADY_READERS: SpeedModel = {
	name: 'steady',
	description: 'median 6 s a line; person spread 0.35, page spread 0.25 (log scale)',
	medianSeconds: 6,
	personSpread: 0.35,
	pageSpread: 0.25
};

/** Quick honest readers, e.g. a retake of familiar lines: 4 s a line and more uneven. */
export const QUICK_READERS: SpeedModel = {
	name: 'quick',
	description: 'median 4 s a line; person spread 0.35, page spread 0.3 (log scale)',
	medianSeconds: 4,
	personSpread: 0.35,
	pageSpread: 0.3
};

/** Someone clicking without reading: one click a line at about 1.2 s (varied for sensitivity). */
export function carelessSpeed(medianSeconds = 1.2): SpeedModel {
	return {
		name: `careless ${medianSeconds} s`,
		description: `median ${medianSeconds} s a line; person spread 0.4, page spread 0.3`,
		medianSeconds,
		personSpread: 0.4,
		pageSpread: 0.3
	};
}

/** Lines per page of the self-report, in order (the attention line counts: it is read too). */
export const PAGE_SIZES: readonly number[] = instrumentV1.pages.map((page) => page.length);

/**
 * One person's page timings. `from` is the model for the first pages and `to` for the pages
 * from `switchAt` on (the half-careless read carefully, then stop reading).
 */
export function simulateTimings(
	random: () => number,
	from: SpeedModel,
	to: SpeedModel = from,
	switchAt = PAGE_SIZES.length
): PageTiming[] {
	const personZ = normal(random);
	return PAGE_SIZES.map((itemCount, page) => {
		const model = page < switchAt ? from : to;
		const logSeconds =
			Math.log(model.medianSeconds) +
			model.personSpread * personZ +
			model.pageSpread * normal(random);
		return { itemCount, ms: Math.round(itemCount * Math.exp(logSeconds) * 1000) };
	});
}

/** The timing a kind of responder gets: honest people read at `honest`, the careless click. */
export function timingsFor(
	kind: ResponderKind,
	random: () => number,
	honest: SpeedModel,
	careless: SpeedModel = carelessSpeed()
): PageTiming[] {
	if (kind === 'honest') return simulateTimings(random, honest);
	if (kind === 'half-careless')
		return simulateTimings(random, honest, careless, Math.floor(PAGE_SIZES.length / 2));
	return simulateTimings(random, careless);
}

export type SpeedRule = { secondsPerItem: number; rushedShare: number };

/** Rules compared in the study; the chosen one is QUALITY_THRESHOLDS'. */
export const SPEED_RULES: readonly SpeedRule[] = [1.5, 2, 2.5, 3].flatMap((secondsPerItem) =>
	[1 / 6, 1 / 3, 1 / 2].map((rushedShare) => ({ secondsPerItem, rushedShare }))
);

export type SpeedRuleRow = SpeedRule & {
	/** Share of honest people flagged, per honest speed model name. */
	honest: Record<string, number>;
	/** Share of people clicking without reading flagged, per careless median (s a line). */
	careless: Record<string, number>;
	/** Half-careless (careful for three pages, then clicking at 1.2 s), per honest model. */
	halfCareless: Record<string, number>;
};

export const CARELESS_MEDIANS = [1, 1.5, 2, 2.5] as const;

function share(count: number, draw: () => PageTiming[], rule: SpeedRule): number {
	let flagged = 0;
	for (let i = 0; i < count; i++) if (rushedPages(draw(), rule)) flagged++;
	return flagged / count;
}

/**
 * For each candidate rule: how many honest people it flags under each honest speed model, and
 * how many people clicking without reading it catches at several clicking speeds. Seeded: each
 * cell of the table uses its own stream, so rows are comparable draw for draw.
 */
export function runSpeedStudy(options: { people: number; seed: number }): SpeedRuleRow[] {
	const honestModels = [STEADY_READERS, QUICK_READERS];
	return SPEED_RULES.map((rule) => {
		const stream = (offset: number) => createRandom(options.seed + offset);
		const honest: Record<string, number> = {};
		const halfCareless: Record<string, number> = {};
		honestModels.forEach((model, m) => {
			const random = stream(m);
			honest[model.name] = share(options.people, () => timingsFor('honest', random, model), rule);
			const half = stream(10 + m);
			halfCareless[model.name] = share(
				options.people,
				() => timingsFor('half-careless', half, model),
				rule
			);
		});
		const careless: Record<string, number> = {};
		CARELESS_MEDIANS.forEach((median, c) => {
			const random = stream(20 + c);
			const model = carelessSpeed(median);
			careless[String(median)] = share(
				options.people,
				() => timingsFor('random', random, STEADY_READERS, model),
				rule
			);
		});
		return { ...rule, honest, careless, halfCareless };
	});
}

export const SPEED_STUDY_SEED = 20_261_201;

const percent = (value: number): string => (100 * value).toFixed(1);
const fraction = (share: number): string =>
	share === 1 / 6 ? '1 of 6' : share === 1 / 3 ? '2 of 6' : share === 1 / 2 ? '3 of 6' : `${share}`;

/** The rule table as Markdown, the chosen rule marked. */
export function speedStudyMarkdown(rows: readonly SpeedRuleRow[], people: number): string {
	const chosen = (row: SpeedRuleRow) =>
		row.secondsPerItem === QUALITY_THRESHOLDS.secondsPerItem &&
		row.rushedShare === QUALITY_THRESHOLDS.rushedShare;
	const header = [
		'under s a line',
		'pages rushed',
		'honest steady',
		'honest quick',
		...CARELESS_MEDIANS.map((m) => `clicking ${m} s`),
		'half-careless (steady)',
		'half-careless (quick)'
	];
	return [
		`Too-fast flag by rule (% flagged, n = ${people} per cell; chosen rule in bold)`,
		'',
		`| ${header.join(' | ')} |`,
		`|${header.map(() => '---').join('|')}|`,
		...rows.map((row) => {
			const cells = [
				String(row.secondsPerItem),
				`${fraction(row.rushedShare)} or more`,
				percent(row.honest.steady!),
				percent(row.honest.quick!),
				...CARELESS_MEDIANS.map((m) => percent(row.careless[String(m)]!)),
				percent(row.halfCareless.steady!),
				percent(row.halfCareless.quick!)
			];
			return `| ${(chosen(row) ? cells.map((c) => `**${c}**`) : cells).join(' | ')} |`;
		})
	].join('\n');
}
