import { DOMAIN_NAMES, SCALE_NAMES, type CellCode } from '../../content/instrument/codes.ts';
import type { ValidityFigures } from '../../domain/scoring/instrument-page.ts';
import type { AppContext } from '../context.ts';
import { checkStructure } from '../cli/instrument-validate.ts';
import { practiceValiditySample } from './validity-sample.ts';
import { storeValidity } from './repository.ts';

export const VALIDITY_JOB = 'instrument-validity';

const label = (cell: CellCode): string => {
	const [domain, scale] = cell.split('_') as [keyof typeof DOMAIN_NAMES, keyof typeof SCALE_NAMES];
	return `${DOMAIN_NAMES[domain]} · ${SCALE_NAMES[scale]}`;
};

/**
 * The job: fits the structure on the practice's clean results with lavaan (seconds, so never
 * on a page view) and caches the figures. A failure (R missing, too few results by now) is
 * stored in plain words and the page says so; the last good figures stay.
 */
export async function computeValidity(
	ctx: Pick<AppContext, 'db' | 'now' | 'log' | 'config'>,
	payload: { practiceId: string },
	options: { rscript?: string } = {}
): Promise<void> {
	const { practiceId } = payload;
	const { basis, sample } = await practiceValiditySample(ctx, practiceId);
	const store = (outcome: { figures: ValidityFigures | null; message: string | null }) =>
		storeValidity(ctx.db, {
			practiceId,
			basis,
			status: outcome.figures ? 'done' : 'failed',
			figures: outcome.figures ? JSON.stringify(outcome.figures) : null,
			message: outcome.message,
			at: ctx.now().toISOString()
		});
	if (!sample.ok) return store({ figures: null, message: sample.problems.join(' ') });
	const check = await checkStructure(sample.rows, {
		rscript: options.rscript ?? ctx.config.rscript
	});
	if (!check.ok) {
		ctx.log.warn({ practiceId, err: check.errors[0] }, 'structure check could not run');
		return store({ figures: null, message: check.errors.join(' ') });
	}
	const { cfa, statistics } = check;
	await store({
		message: null,
		figures: {
			rows: sample.rows.length,
			lavaan: cfa.lavaan,
			fit: {
				cfi: cfa.fit.cfi ?? NaN,
				tli: cfa.fit.tli ?? NaN,
				rmsea: cfa.fit.rmsea ?? NaN,
				srmr: cfa.fit.srmr ?? NaN
			},
			cells: statistics.map((cell) => {
				const totals = cell.items
					.map((item) => item.itemTotal)
					.filter((r): r is number => r !== null);
				return {
					cell: cell.cell,
					label: label(cell.cell),
					alpha: cell.alpha,
					omega: cfa.omega[cell.cell] ?? null,
					weakestItemTotal: totals.length ? Math.min(...totals) : null
				};
			})
		}
	});
}
