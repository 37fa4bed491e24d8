import { DomainError } from '../../domain/errors.ts';
import { can, type Actor } from '../../domain/policies.ts';
import {
	DEFAULT_THRESHOLDS,
	thresholdsProblem,
	type ProgressThresholds
} from '../../domain/programs/progress.ts';
import type { Db } from '../db/create-db.ts';
import type { AppContext } from '../context.ts';
import { findProgramSettings, saveProgramSettings } from './repository.ts';

/** The practice's thresholds, or the defaults (3, 10 and 21 days) until an admin sets them. */
export async function thresholdsOf(
	db: Db,
	practiceId: string | null | undefined
): Promise<ProgressThresholds> {
	const row = practiceId ? await findProgramSettings(db, practiceId) : undefined;
	return row
		? {
				atRiskDays: row.at_risk_days,
				offTrackDays: row.off_track_days,
				inactiveDays: row.inactive_days
			}
		: DEFAULT_THRESHOLDS;
}

export async function getProgressThresholds(
	ctx: Pick<AppContext, 'db'>,
	input: { actor: Actor; practiceId: string }
) {
	if (!can(input.actor, 'practice.view', { practiceId: input.practiceId }))
		throw new DomainError('not_found', 'There is no such practice, or you do not work in it.');
	return thresholdsOf(ctx.db, input.practiceId);
}

export async function setProgressThresholds(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: { actor: Actor; practiceId: string; values: Record<string, string> }
): Promise<void> {
	if (!can(input.actor, 'practice.update', { practiceId: input.practiceId }))
		throw new DomainError('forbidden', 'Only an admin of the practice can change these settings.');
	const read = (key: string) =>
		/^\d{1,3}$/.test(input.values[key]?.trim() ?? '') ? Number(input.values[key]) : NaN;
	const t = {
		atRiskDays: read('atRiskDays'),
		offTrackDays: read('offTrackDays'),
		inactiveDays: read('inactiveDays')
	};
	const problem = thresholdsProblem(t);
	if (problem) throw new DomainError('invalid_input', problem, { fields: { thresholds: problem } });
	await saveProgramSettings(ctx.db, {
		practice_id: input.practiceId,
		at_risk_days: t.atRiskDays,
		off_track_days: t.offTrackDays,
		inactive_days: t.inactiveDays,
		updated_at: ctx.now().toISOString()
	});
}
