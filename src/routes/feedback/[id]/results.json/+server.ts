import { roundRecord } from '$lib/domain/feedback/round-export';
import { getRoundForDownload } from '$lib/server/feedback/export-round';
import { withErrorPage } from '$lib/server/http/load';
import type { RequestHandler } from './$types';

/** The round as JSON (figures, meaning, pooled comments), for the client and a shared coach. */
export const GET: RequestHandler = (event) =>
	withErrorPage(event, async ({ locals, params }) => {
		const { round } = await getRoundForDownload(locals.ctx, {
			actor: locals.signedIn!.actor,
			roundId: params.id
		});
		return new Response(JSON.stringify(roundRecord(round), null, 2), {
			headers: {
				'content-type': 'application/json; charset=utf-8',
				'content-disposition': `attachment; filename="midpoint-feedback-${round.openedOn}.json"`,
				'cache-control': 'private, no-store'
			}
		});
	});
