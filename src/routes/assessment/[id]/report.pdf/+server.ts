import { getResultReport } from '$lib/server/pdf/get-result-report';
import { withErrorPage } from '$lib/server/http/load';
import { download } from '$lib/server/http/download';
import type { RequestHandler } from './$types';

/** The result as a downloadable PDF, for the person and for whoever may read their result. */
export const GET: RequestHandler = (event) =>
	withErrorPage(event, async ({ locals, params }) => {
		const { pdf, day } = await getResultReport(locals.ctx, {
			reader: locals.signedIn!,
			assessmentId: params.id
		});
		return download(pdf, 'application/pdf', `midpoint-result-${day}.pdf`);
	});
