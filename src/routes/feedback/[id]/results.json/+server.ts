import { roundRecord } from '$lib/domain/feedback/round-export';
import { getRoundForDownload } from '$lib/server/feedback/export-round';
import { withErrorPage } from '$lib/server/http/load';
import { download } from '$lib/server/http/download';
import type { RequestHandler } from './$types';

/** The round as JSON (figures, meaning, pooled comments), for the client and a shared coach. */
export const GET: RequestHandler = (event) =>
	withErrorPage(event, async ({ locals, params }) => {
		const { round } = await getRoundForDownload(locals.ctx, {
			actor: locals.signedIn!.actor,
			roundId: params.id
		});
		return download(
			JSON.stringify(roundRecord(round), null, 2),
			'application/json; charset=utf-8',
			`midpoint-feedback-${round.openedOn}.json`
		);
	});
