import { withErrorPage } from '$lib/server/http/load';
import { exportProgram } from '$lib/server/programs/create-program';
import { slugOf } from '$lib/domain/programs/step-form';
import { download } from '$lib/server/http/download';
import type { RequestHandler } from './$types';

/** The program's draft as a file to keep or give to another practice. */
export const GET: RequestHandler = (event) =>
	withErrorPage(event, async ({ locals, params }) => {
		const file = await exportProgram(locals.ctx, { actor: locals.signedIn!.actor, ...params });
		return download(
			file.json,
			'application/json; charset=utf-8',
			`${slugOf(file.title)}.program.json`
		);
	});
