import { practiceNorms, type NormFigures } from '../../domain/scoring/local-norms.ts';
import type { Norms } from '../../domain/scoring/norms.ts';
import type { Db } from '../db/create-db.ts';
import { findNormsInForceForClient, type PracticeNormsRow } from './repository.ts';

export function normsOf(row: PracticeNormsRow): Norms {
	return practiceNorms({
		id: row.id,
		respondents: row.respondents,
		adoptedAt: row.adopted_at,
		figures: JSON.parse(row.figures) as NormFigures
	});
}

/**
 * The norms a finished assessment is scored with: its practice's own when the practice adopted
 * them, otherwise undefined (the scorer's built-in defaults). Self-guided people have no
 * practice and always get the defaults.
 */
export async function normsForClient(db: Db, userId: string): Promise<Norms | undefined> {
	const row = await findNormsInForceForClient(db, userId);
	return row ? normsOf(row) : undefined;
}
