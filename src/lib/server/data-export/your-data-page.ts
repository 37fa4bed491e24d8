import type { SignedIn } from '../auth/sessions.ts';
import { findPendingDeletion } from '../account-deletion/cancel-deletion.ts';
import type { AppContext } from '../context.ts';
import { listOwnPractices } from '../practices/get-practice-names.ts';
import { getExportState } from './export-state.ts';

/** "Your data": the export's state, a waiting deletion, and the practices the person may export. */
export async function getYourDataPage(ctx: AppContext, signedIn: SignedIn) {
	const { actor } = signedIn;
	const practices = await listOwnPractices(ctx, { actor });
	return {
		exportState: await getExportState(ctx, { actor, scope: 'person' }),
		deletion: await findPendingDeletion(ctx, { actor }),
		practices: practices
			.filter((p) => p.roles.includes('admin'))
			.map(({ id, name }) => ({ id, name }))
	};
}
