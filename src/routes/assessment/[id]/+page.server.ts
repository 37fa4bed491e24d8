import { describeChange } from '$lib/domain/describe-change';
import { describeNorms } from '$lib/domain/describe-norms';
import { getAssessmentResult } from '$lib/server/assessments/get-assessment-result';
import { withErrorPage } from '$lib/server/http/load';
import { listMyTeams } from '$lib/server/teams/list-teams';
import type { PageServerLoad } from './$types';

// A page to read, with nothing to interact with: sent as plain HTML, without hydration.
export const csr = false;

export const load: PageServerLoad = (event) =>
	withErrorPage(event, async ({ locals, params, url }) => {
		const result = await getAssessmentResult(locals.ctx, {
			actor: locals.signedIn!.actor,
			assessmentId: params.id
		});
		const { score } = result;
		// Only what the page shows travels to the browser, not the whole score.
		return {
			result: {
				id: result.id,
				completedAt: result.completedAt,
				overall: result.overall,
				position: score.position,
				band: score.band,
				balance: score.balance,
				flagged: score.flags.length > 0,
				domains: result.domains.map((d) => ({ ...d, position: score.domains[d.code].position }))
			},
			normsText: describeNorms(result.norms),
			changeText: result.change ? describeChange(result.change, result.score.position) : null,
			readBy: result.readBy,
			// Taken from a team check-in: the way back to it, while it waits for this person.
			teamCheckIns: result.readBy
				? []
				: (await listMyTeams(locals.ctx, { actor: locals.signedIn!.actor })).filter(
						(t) => t.openCheckIn && !t.openCheckIn.done
					),
			justFinished: url.searchParams.has('done')
		};
	});
