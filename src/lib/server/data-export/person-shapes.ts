import { DOMAINS } from '../../content/instrument/codes.ts';
import { figure } from '../../domain/export/figures.ts';
import type { PersonExport } from '../../domain/export/person-export-schema.ts';
import type { RoundResult } from '../../domain/feedback/round-result.ts';
import type { HistoryEntry } from '../assessments/list-assessment-history.ts';

/** A result as the export writes it: the scores the person saw (to two decimals), and every answer they gave. */
export function resultOf(
	entry: HistoryEntry,
	answers: Record<string, number>,
	pdf: string
): PersonExport['results'][number] {
	const { score } = entry;
	const domains = {} as PersonExport['results'][number]['domains'];
	for (const code of DOMAINS) {
		const d = score.domains[code];
		domains[code] = { position: figure(d.position), balance: figure(d.balance), zone: d.zone };
	}
	return {
		id: entry.id,
		completedAt: entry.completedAt,
		instrumentVersion: score.instrumentVersion,
		position: figure(score.position),
		balance: figure(score.balance),
		zone: score.zone,
		domains,
		answers,
		pdf
	};
}

/**
 * A feedback round as its page shows it: built only from the views pooling.ts let out, so the
 * export never holds one rater's answers or a figure below the threshold.
 */
export function raterRoundOf(round: RoundResult): PersonExport['raterRounds'][number] {
	return {
		id: round.id,
		openedOn: round.openedOn,
		closesOn: round.closesOn,
		closed: round.closed,
		sharedWithCoach: round.shared,
		groups: round.domains.map((d) => {
			const released = d.view.status === 'released' ? d.view : null;
			return {
				domain: d.code,
				asked: d.asked,
				shown: d.view.status,
				raters: released?.n ?? null,
				othersMean: figure(released?.mean),
				bandLow: figure(released?.band.low),
				bandHigh: figure(released?.band.high),
				yourPosition: figure(released?.self?.position)
			};
		}),
		comments: round.comments
	};
}
