import { getResultReport } from '$lib/server/pdf/get-result-report';
import { withErrorPage } from '$lib/server/http/load';
import type { RequestHandler } from './$types';

/** The result as a downloadable PDF, for the person and for whoever may read their result. */
export const GET: RequestHandler = (event) =>
	withErrorPage(event, async ({ locals, params }) => {
		const { pdf, day } = await getResultReport(locals.ctx, {
			reader: locals.signedIn!,
			assessmentId: params.id
		});
		return new Response(new Uint8Array(pdf), {
			headers: {
				'content-type': 'application/pdf',
				'content-length': String(pdf.length),
				'content-disposition': `attachment; filename="midpoint-result-${day}.pdf"`,
				'cache-control': 'private, no-store'
			}
		});
	});
