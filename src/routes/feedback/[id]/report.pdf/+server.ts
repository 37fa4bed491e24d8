import { getRoundReport } from '$lib/server/feedback/export-round';
import { withErrorPage } from '$lib/server/http/load';
import type { RequestHandler } from './$types';

/** The round as a PDF, for the client and (while shared) their coach. */
export const GET: RequestHandler = (event) =>
	withErrorPage(event, async ({ locals, params }) => {
		const { pdf, day } = await getRoundReport(locals.ctx, {
			actor: locals.signedIn!.actor,
			roundId: params.id
		});
		return new Response(new Uint8Array(pdf), {
			headers: {
				'content-type': 'application/pdf',
				'content-length': String(pdf.length),
				'content-disposition': `attachment; filename="midpoint-feedback-${day}.pdf"`,
				'cache-control': 'private, no-store'
			}
		});
	});
