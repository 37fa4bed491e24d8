import { CELLS, ITEMS_PER_CELL, type CellCode } from '../../content/instrument/codes.ts';
import { CANONICAL_ITEM_IDS, ITEM_REVERSED } from './item-layout.ts';
import type { Answers } from './read-answers.ts';
import { rekey } from './reverse-keying.ts';

/**
 * Item and scale statistics for a practice's own data (J10). All values are after rekeying
 * item 6, so a working reversed item shows a positive item-total correlation like the rest.
 */
export type ItemStatistics = {
	id: string;
	/** People who answered this item. */
	n: number;
	mean: number | null;
	/** Sample SD (n − 1). */
	sd: number | null;
	/** Correlation with the sum of the cell's other items, over the cell's complete cases. */
	itemTotal: number | null;
	/** The cell's alpha without this item, over the cell's complete cases. */
	alphaIfDeleted: number | null;
};

export type CellStatistics = {
	cell: CellCode;
	/** Complete cases: people who answered all six items of the cell (listwise). */
	n: number;
	alpha: number | null;
	items: ItemStatistics[];
};

/** Sample covariance matrix of complete rows (each row k values). */
export function covarianceMatrix(rows: readonly (readonly number[])[], k: number): number[][] {
	const n = rows.length;
	const means = new Array<number>(k).fill(0);
	for (const row of rows) for (let i = 0; i < k; i++) means[i]! += row[i]! / n;
	const covariance = Array.from({ length: k }, () => new Array<number>(k).fill(0));
	for (const row of rows) {
		for (let i = 0; i < k; i++) {
			const di = row[i]! - means[i]!;
			for (let j = i; j < k; j++) covariance[i]![j]! += di * (row[j]! - means[j]!);
		}
	}
	for (let i = 0; i < k; i++) {
		for (let j = i; j < k; j++) {
			covariance[i]![j]! /= n - 1;
			covariance[j]![i] = covariance[i]![j]!;
		}
	}
	return covariance;
}

/** Cronbach's alpha from a covariance matrix, skipping the item at `without` (−1 keeps all). */
export function alphaFromCovariance(
	covariance: readonly (readonly number[])[],
	without = -1
): number | null {
	const k = covariance.length - (without >= 0 ? 1 : 0);
	if (k < 2) return null;
	let itemVariance = 0;
	let totalVariance = 0;
	covariance.forEach((row, i) => {
		if (i === without) return;
		itemVariance += row[i]!;
		row.forEach((value, j) => {
			if (j !== without) totalVariance += value;
		});
	});
	if (!(totalVariance > 0)) return null;
	return (k / (k - 1)) * (1 - itemVariance / totalVariance);
}

/** Cronbach's alpha of complete rows. */
export function cronbachAlpha(rows: readonly (readonly number[])[]): number | null {
	if (rows.length < 2) return null;
	return alphaFromCovariance(covarianceMatrix(rows, rows[0]!.length));
}

function describe(values: number[]): { mean: number | null; sd: number | null } {
	const n = values.length;
	if (n === 0) return { mean: null, sd: null };
	const mean = values.reduce((sum, value) => sum + value, 0) / n;
	if (n < 2) return { mean, sd: null };
	const squares = values.reduce((sum, value) => sum + (value - mean) ** 2, 0);
	return { mean, sd: Math.sqrt(squares / (n - 1)) };
}

function cellStatistics(rows: readonly Answers[], cellIndex: number): CellStatistics {
	const start = cellIndex * ITEMS_PER_CELL;
	const ids = CANONICAL_ITEM_IDS.slice(start, start + ITEMS_PER_CELL);
	const perItem: number[][] = ids.map(() => []);
	const complete: number[][] = [];
	for (const row of rows) {
		const values = ids.map((id, i) => {
			const raw = row[id];
			if (raw === undefined || raw === null) return NaN;
			const value = rekey(raw, ITEM_REVERSED[start + i] === 1);
			perItem[i]!.push(value);
			return value;
		});
		if (values.every((value) => !Number.isNaN(value))) complete.push(values);
	}
	const covariance = complete.length >= 2 ? covarianceMatrix(complete, ids.length) : null;
	const items = ids.map((id, i): ItemStatistics => {
		let itemTotal: number | null = null;
		if (covariance) {
			// Rest score R = T − xᵢ: cov(xᵢ, R) = Σⱼ Cᵢⱼ − Cᵢᵢ; var(R) = ΣΣC − 2ΣⱼCᵢⱼ + Cᵢᵢ.
			const rowSum = covariance[i]!.reduce((sum, value) => sum + value, 0);
			const total = covariance.reduce((sum, row) => sum + row.reduce((s, v) => s + v, 0), 0);
			const own = covariance[i]![i]!;
			const restVariance = total - 2 * rowSum + own;
			const denominator = Math.sqrt(own * restVariance);
			itemTotal = denominator > 0 ? (rowSum - own) / denominator : null;
		}
		return {
			id,
			n: perItem[i]!.length,
			...describe(perItem[i]!),
			itemTotal,
			alphaIfDeleted: covariance ? alphaFromCovariance(covariance, i) : null
		};
	});
	const alpha = covariance ? alphaFromCovariance(covariance) : null;
	return { cell: CELLS[cellIndex]!, n: complete.length, alpha, items };
}

/** Statistics for all nine cells, FAM_DEP … TEAM_MUT. */
export function instrumentStatistics(rows: readonly Answers[]): CellStatistics[] {
	return CELLS.map((_, index) => cellStatistics(rows, index));
}
