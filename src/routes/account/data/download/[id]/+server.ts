import { downloadExport } from '$lib/server/data-export/download-export';
import { withErrorPage } from '$lib/server/http/load';
import { download } from '$lib/server/http/download';
import type { RequestHandler } from './$types';

/** The export's ZIP, once; a second use or a late one gets a page that says which and why. */
export const GET: RequestHandler = (event) =>
	withErrorPage(event, async ({ locals, params }) => {
		const { zip, fileName } = await downloadExport(locals.ctx, {
			actor: locals.signedIn!.actor,
			exportId: params.id
		});
		return download(zip, 'application/zip', fileName);
	});
