import { DOMAINS, DOMAIN_NAMES } from '../../content/instrument/codes.ts';
import { DomainError } from '../../domain/errors.ts';
import {
	MIN_CLIENTS_FOR_STATISTICS,
	MIN_FORMS_FOR_STATISTICS,
	raterStatisticsPool
} from '../../domain/feedback/pooling.ts';
import { can, type Actor } from '../../domain/policies.ts';
import { instrumentStatistics } from '../../domain/scoring/item-statistics.ts';
import type { AppContext } from '../context.ts';
import type {
	RaterDomainStatistics,
	RaterStatisticsView
} from '../../domain/scoring/statistics-rows.ts';
import { toCellRow } from './get-instrument-statistics.ts';
import { listPracticeRaterForms } from './rater-forms.ts';

export type { RaterDomainStatistics, RaterStatisticsView };

/**
 * Issue 11 §8: how the rater form behaves in the practice, per domain: alpha, alpha if deleted
 * and item-total correlations of the three cells a rater answers, computed like the self form's
 * (same code, item 6 rekeyed, listwise per cell). Which forms may be pooled is pooling.ts's call.
 * For the practice admin only, like the rest of the instrument page.
 */
export async function getRaterStatistics(
	ctx: Pick<AppContext, 'db'>,
	input: { actor: Actor; practiceId: string }
): Promise<RaterStatisticsView> {
	if (!can(input.actor, 'practice.instrument.read', { practiceId: input.practiceId }))
		throw new DomainError('forbidden', 'Only the practice admin can see these statistics.');
	const pools = raterStatisticsPool(await listPracticeRaterForms(ctx.db, input.practiceId));
	return {
		minForms: MIN_FORMS_FOR_STATISTICS,
		minClients: MIN_CLIENTS_FOR_STATISTICS,
		domains: DOMAINS.map((code): RaterDomainStatistics => {
			const pool = pools[code];
			const name = DOMAIN_NAMES[code];
			if (pool.status !== 'shown') return { code, name, status: 'too-few' };
			const cells = instrumentStatistics(pool.answers)
				.filter((cell) => cell.cell.startsWith(`${code}_`))
				.map((cell) => toCellRow(cell, 'rater'))
				// How raters see clients on average is not a reliability figure: it stays out.
				.map((cell) => ({
					...cell,
					items: cell.items.map((item) => ({ ...item, mean: null, sd: null }))
				}));
			return {
				code,
				name,
				status: 'shown',
				forms: pool.answers.length,
				clients: pool.clients,
				cells
			};
		})
	};
}
