import { randomUUID } from 'node:crypto';
import { formatDay, todayFor } from '../../domain/actions/dates.ts';
import type { ReportInput } from '../../domain/actions/schemas.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { actionFor, requireOpen } from './access.ts';
import { findReport, listReportsOf, upsertReport } from './repository.ts';
import { stateOf } from './view.ts';
import { refreshClientSummary } from '../roster/refresh-client-summary.ts';
import { userCipher } from '../crypto/field-crypto.ts';
import { sealReportText } from './sealed-action.ts';

/**
 * Reports back on one occurrence of an action: the one due now, or one already answered (which
 * is then updated, never duplicated). Reporting after a skip turns the skip into a report.
 */
export async function reportBack(
	ctx: Pick<AppContext, 'db' | 'now' | 'masterKey'>,
	input: { actor: Actor; actionId: string; report: ReportInput }
): Promise<{ created: boolean }> {
	const row = await actionFor(ctx.db, input.actor, input.actionId, 'action.report');
	requireOpen(row);
	const now = ctx.now();
	const today = todayFor(now);
	const { report } = input;
	let existing = await findReport(ctx.db, row.id, report.occurrence);
	if (!existing) {
		const state = stateOf(row, await listReportsOf(ctx.db, [row.id]), today);
		// A report sent at the same moment (a double submit) may have answered this occurrence
		// between the two reads: it is then updated, not refused.
		if (state.due !== report.occurrence)
			existing = await findReport(ctx.db, row.id, report.occurrence);
		if (!existing && state.due !== report.occurrence) {
			const message =
				report.occurrence > today
					? `This report-back opens on ${formatDay(report.occurrence, today)}. Come back then.`
					: state.due
						? `That one has passed. Tell us about ${formatDay(state.due, today)} instead.`
						: 'There is nothing to report on for that day. Your next report-back is shown on the action.';
			throw new DomainError('conflict', message);
		}
	}
	const at = now.toISOString();
	const cipher = await userCipher(ctx.db, ctx.masterKey, row.user_id);
	await upsertReport(
		ctx.db,
		sealReportText(cipher, {
			id: existing?.id ?? randomUUID(),
			action_id: row.id,
			occurrence: report.occurrence,
			outcome: report.outcome,
			happened: report.happened,
			mutuality: report.mutuality,
			compared: report.compared,
			measure: report.measure,
			measure_label: report.measureLabel,
			note: report.note,
			skipped_at: null,
			created_at: existing?.created_at ?? at,
			updated_at: at
		})
	);
	await refreshClientSummary(ctx, row.user_id);
	return { created: !existing };
}
