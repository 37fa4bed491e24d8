import { todayFor, type IsoDate } from '../../domain/actions/dates.ts';
import { can, type Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { actionFor } from './access.ts';
import { listReportsOf } from './repository.ts';
import { openAction, openReports } from './sealed-action.ts';
import { lazyCipher } from '../crypto/field-crypto.ts';
import { toReportView, toView, type ActionView, type ReportView } from './view.ts';

/** One action with its history of report-backs (newest first). */
export async function getAction(
	ctx: Pick<AppContext, 'db' | 'now' | 'masterKey'>,
	input: { actor: Actor; actionId: string }
): Promise<{ action: ActionView; reports: ReportView[]; canWrite: boolean; today: IsoDate }> {
	const sealed = await actionFor(ctx.db, input.actor, input.actionId, 'action.read');
	const cipher = lazyCipher(ctx.db, ctx.masterKey, sealed.user_id);
	const row = openAction(await cipher(), sealed);
	const today = todayFor(ctx.now());
	const reports = await openReports(cipher, await listReportsOf(ctx.db, [row.id]));
	return {
		action: toView(row, reports, today),
		reports: reports.map(toReportView),
		canWrite: can(input.actor, 'action.write', { ownerId: row.user_id }),
		today
	};
}
