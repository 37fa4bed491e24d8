import { listOwnPractices } from '$lib/server/practices/get-practice-names';
import { getClientHome } from '$lib/server/insights/get-client-home';
import { getHomeAssessment } from '$lib/server/insights/get-home-assessment';
import { getPendingReassessment } from '$lib/server/reassessments/get-pending-reassessment';
import { listRepliesToRead } from '$lib/server/replies/list-replies-to-read';
import { getCoachHome } from '$lib/server/roster/get-coach-home';
import { listMyTeams } from '$lib/server/teams/list-teams';
// Programs (decision 0038)
import { getMyProgram } from '$lib/server/programs/follow';
import type { PageServerLoad } from './$types';

// Home is read, not worked in: plain HTML, without hydration (its forms post natively).
export const csr = false;

export const load: PageServerLoad = async ({ locals, url }) => {
	const signedIn = locals.signedIn!;
	const practices = await listOwnPractices(locals.ctx, { actor: signedIn.actor });
	// The assessment in progress and the latest result: one query.
	const assessment = await getHomeAssessment(locals.ctx, { actor: signedIn.actor });
	// Clients see how many report-backs wait for them and their rhythm, from one read of their
	// actions (three small queries; tags and dates only, no journal text is decrypted). Coaches
	// have no actions of their own.
	const client =
		signedIn.user.kind === 'client'
			? await getClientHome(locals.ctx, { actor: signedIn.actor })
			: null;
	// A retake the client's coach asked for: one small query.
	const reassessment =
		signedIn.user.kind === 'client'
			? await getPendingReassessment(locals.ctx, { actor: signedIn.actor })
			: null;
	const isClient = signedIn.user.kind === 'client';
	// Coaches see their clients, what needs attention first; clients, replies they have not read.
	const coach = isClient ? null : await getCoachHome(locals.ctx, { actor: signedIn.actor });
	const replies = isClient ? await listRepliesToRead(locals.ctx, { actor: signedIn.actor }) : [];
	// A team check-in waiting for this person: said on home, not only on the team's page.
	const teamCheckIns = isClient
		? (await listMyTeams(locals.ctx, { actor: signedIn.actor })).filter(
				(t) => t.openCheckIn && !t.openCheckIn.done
			)
		: [];
	// Programs (decision 0038): the step a client is on and what comes next (two small queries).
	const position = assessment.latest?.position;
	const program = isClient
		? await getMyProgram(locals.ctx, { actor: signedIn.actor, position })
		: null;
	return {
		program,
		user: { name: signedIn.user.name, kind: signedIn.user.kind },
		reassessment,
		practices,
		welcome: url.searchParams.has('welcome'),
		actions: client?.actions ?? null,
		insights: client?.insights ?? null,
		assessment,
		coach,
		replies,
		teamCheckIns
	};
};
