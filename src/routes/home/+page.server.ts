import { findPractice } from '$lib/server/users/practices-repository';
import { listAssessmentHistory } from '$lib/server/assessments/list-assessment-history';
import { listActions } from '$lib/server/actions/list-actions';
import { getHomeInsights } from '$lib/server/insights/get-home-insights';
import type { PageServerLoad } from './$types';

// Home is read, not worked in: plain HTML, without hydration (its forms post natively).
export const csr = false;

export const load: PageServerLoad = async ({ locals, url }) => {
	const signedIn = locals.signedIn!;
	const practices = await Promise.all(
		Object.entries(signedIn.actor.practices).map(async ([id, roles]) => ({
			id,
			roles: [...roles],
			name: (await findPractice(locals.ctx.db, id))?.name ?? 'Your practice'
		}))
	);
	const history = await listAssessmentHistory(locals.ctx, {
		actor: signedIn.actor,
		userId: signedIn.user.id
	});
	const latest = history.entries.at(-1);
	// Clients see how many report-backs wait for them; coaches have no actions of their own.
	const actions =
		signedIn.user.kind === 'client'
			? await listActions(locals.ctx, { actor: signedIn.actor })
			: null;
	// The client's rhythm: three small queries, tags and dates only (no journal text is decrypted).
	const insights =
		signedIn.user.kind === 'client'
			? await getHomeInsights(locals.ctx, { actor: signedIn.actor })
			: null;
	return {
		user: { name: signedIn.user.name, kind: signedIn.user.kind },
		practices,
		welcome: url.searchParams.has('welcome'),
		actions: actions ? { dueCount: actions.dueCount, openCount: actions.open.length } : null,
		insights,
		assessment: {
			open: history.open,
			latest: latest
				? { id: latest.id, position: latest.score.position, band: latest.score.band }
				: null
		}
	};
};
