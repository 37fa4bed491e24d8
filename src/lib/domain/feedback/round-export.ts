import { csvLine } from '../csv/csv.ts';
import { figure } from '../export/figures.ts';
import type { RoundResult } from './round-result.ts';

/**
 * A round as a file (JSON or CSV), built only from a RoundResult, which is only what
 * pooling.ts lets out. No rater appears in any form: no names, no addresses, no times but the
 * round's own days, no single answer. A group without enough answers is its status alone.
 */
export interface GroupRecord {
	group: string;
	asked: number;
	/** open: still taking answers; not-enough: closed without enough; shown: pooled figures. */
	status: 'open' | 'not-enough' | 'shown';
	/** While open only: whether enough people have answered for the group to show later. */
	enoughAnswers?: boolean;
	others?: { raters: number; mean: number; sd: number; bandLow: number; bandHigh: number };
	zone?: string;
	self?: { position: number; sem: number } | null;
	comparison?: { difference: number; threshold: number; blindSpot: boolean; meaning: string };
}

export interface RoundRecord {
	openedOn: string;
	closesOn: string;
	state: 'open' | 'closing' | 'closed';
	groups: GroupRecord[];
	/** Pooled comments, random order, no group, only when at least three exist. */
	comments: string[];
	/** Answers set aside for a missed attention line, whole round, once released. */
	setAside: number | null;
}

export function roundRecord(result: RoundResult): RoundRecord {
	return {
		openedOn: result.openedOn,
		closesOn: result.closesOn,
		state: result.closed ? 'closed' : result.closing ? 'closing' : 'open',
		groups: result.domains.map((domain): GroupRecord => {
			const { view, comparison } = domain;
			const base = { group: domain.name, asked: domain.asked };
			if (view.status === 'open')
				return { ...base, status: 'open', enoughAnswers: view.thresholdMet };
			if (view.status === 'not-enough') return { ...base, status: 'not-enough' };
			return {
				...base,
				status: 'shown',
				others: {
					raters: view.n,
					mean: figure(view.mean),
					sd: figure(view.sd),
					bandLow: figure(view.band.low),
					bandHigh: figure(view.band.high)
				},
				zone: view.zone,
				self: view.self && { position: figure(view.self.position), sem: figure(view.self.sem) },
				...(comparison && {
					comparison: {
						difference: figure(comparison.difference),
						threshold: figure(comparison.threshold),
						blindSpot: comparison.blindSpot,
						meaning: comparison.words.summary
					}
				})
			};
		}),
		comments: result.comments ?? [],
		setAside: result.setAside
	};
}

const HEADER = [
	'group',
	'asked',
	'status',
	'raters',
	'others_mean',
	'others_sd',
	'band_low',
	'band_high',
	'zone',
	'self_position',
	'difference',
	'blind_spot'
];

/** One line per group; the empty fields of a hidden group are empty, never zero. */
export function roundCsv(result: RoundResult): string {
	const rows = roundRecord(result).groups.map((g) =>
		csvLine([
			g.group,
			g.asked,
			g.status === 'open' ? (g.enoughAnswers ? 'open-enough' : 'open-not-enough') : g.status,
			g.others?.raters,
			g.others?.mean,
			g.others?.sd,
			g.others?.bandLow,
			g.others?.bandHigh,
			g.zone,
			g.self?.position,
			g.comparison?.difference,
			g.comparison ? (g.comparison.blindSpot ? 'yes' : 'no') : undefined
		])
	);
	return [csvLine(HEADER), ...rows].join('');
}
