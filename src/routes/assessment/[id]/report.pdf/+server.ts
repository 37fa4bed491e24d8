import { error } from '@sveltejs/kit';
import { isDomainError } from '$lib/domain/errors';
import { describeChange } from '$lib/domain/describe-change';
import { getAssessmentResult } from '$lib/server/assessments/get-assessment-result';
import { renderResultReport } from '$lib/server/pdf/result-report';
import { findUserById } from '$lib/server/users/repository';
import type { RequestHandler } from './$types';

/** The result as a downloadable PDF, for the person and for whoever may read their result. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const signedIn = locals.signedIn!;
	const { ctx } = locals;
	try {
		const result = await getAssessmentResult(ctx, {
			actor: signedIn.actor,
			assessmentId: params.id
		});
		// A coach downloading a client's result needs the client's name on it, not their own.
		const personName =
			result.ownerId === signedIn.user.id
				? signedIn.user.name
				: ((await findUserById(ctx.db, result.ownerId))?.name ?? 'Client');
		const pdf = await renderResultReport(result, {
			personName,
			changeText: result.change ? describeChange(result.change, result.score.position) : null
		});
		const day = new Date(result.completedAt).toISOString().slice(0, 10);
		return new Response(new Uint8Array(pdf), {
			headers: {
				'content-type': 'application/pdf',
				'content-length': String(pdf.length),
				'content-disposition': `attachment; filename="midpoint-result-${day}.pdf"`,
				'cache-control': 'private, no-store'
			}
		});
	} catch (err) {
		if (isDomainError(err)) error(err.status === 409 ? 404 : err.status, err.message);
		throw err;
	}
};
