import { getRoundReport } from '$lib/server/feedback/export-round';
import { withErrorPage } from '$lib/server/http/load';
import { download } from '$lib/server/http/download';
import type { RequestHandler } from './$types';

/** The round as a PDF, for the client and (while shared) their coach. */
export const GET: RequestHandler = (event) =>
	withErrorPage(event, async ({ locals, params }) => {
		const { pdf, day } = await getRoundReport(locals.ctx, {
			actor: locals.signedIn!.actor,
			roundId: params.id
		});
		return download(pdf, 'application/pdf', `midpoint-feedback-${day}.pdf`);
	});
