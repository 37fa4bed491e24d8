import { roundCsv } from '$lib/domain/feedback/round-export';
import { getRoundForDownload } from '$lib/server/feedback/export-round';
import { withErrorPage } from '$lib/server/http/load';
import { download } from '$lib/server/http/download';
import type { RequestHandler } from './$types';

/** The round's pooled figures, one line per group, for the client and (while shared) their coach. */
export const GET: RequestHandler = (event) =>
	withErrorPage(event, async ({ locals, params }) => {
		const { round } = await getRoundForDownload(locals.ctx, {
			actor: locals.signedIn!.actor,
			roundId: params.id
		});
		return download(
			roundCsv(round),
			'text/csv; charset=utf-8',
			`midpoint-feedback-${round.openedOn}.csv`
		);
	});
