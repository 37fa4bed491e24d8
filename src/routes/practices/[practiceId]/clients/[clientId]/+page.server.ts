import { error } from '@sveltejs/kit';
import { findPrompt } from '$lib/content/program/reflection';
import { describeChange } from '$lib/domain/describe-change';
import { isDomainError } from '$lib/domain/errors';
import { getClientOverview } from '$lib/server/practices/get-client-overview';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	try {
		const overview = await getClientOverview(locals.ctx, {
			actor: locals.signedIn!.actor,
			practiceId: params.practiceId,
			clientId: params.clientId
		});
		return {
			client: overview.client,
			practiceId: overview.practiceId,
			results: overview.results.map((r) => ({
				id: r.id,
				completedAt: r.completedAt,
				position: r.score.position,
				band: r.score.band ? { low: r.score.band.low, high: r.score.band.high } : null,
				changeText: r.change ? describeChange(r.change, r.score.position) : null
			})),
			sharedEntries:
				overview.sharedEntries?.map((e) => ({
					id: e.id,
					prompt: findPrompt(e.step, e.promptId)?.prompt.text ?? '',
					body: e.body,
					sharedAt: e.sharedAt!
				})) ?? null
		};
	} catch (err) {
		if (isDomainError(err)) error(404, err.message);
		throw err;
	}
};
