import { downloadExport } from '$lib/server/data-export/download-export';
import { withErrorPage } from '$lib/server/http/load';
import type { RequestHandler } from './$types';

/** The export's ZIP, once; a second use or a late one gets a page that says which and why. */
export const GET: RequestHandler = (event) =>
	withErrorPage(event, async ({ locals, params }) => {
		const { zip, fileName } = await downloadExport(locals.ctx, {
			actor: locals.signedIn!.actor,
			exportId: params.id
		});
		return new Response(new Uint8Array(zip), {
			headers: {
				'content-type': 'application/zip',
				'content-length': String(zip.length),
				'content-disposition': `attachment; filename="${fileName}"`,
				'cache-control': 'private, no-store'
			}
		});
	});
