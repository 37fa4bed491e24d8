import { error, type RequestEvent } from '@sveltejs/kit';
import { isDomainError } from '$lib/domain/errors';
import { formatLongDate } from '$lib/format';
import { listInvitations } from '$lib/server/invitations/list-invitations';
import { resendInvitation } from '$lib/server/invitations/resend-invitation';
import { revokeInvitation } from '$lib/server/invitations/revoke-invitation';
import { sendInvitation } from '$lib/server/invitations/send-invitation';
import { baseUrl, failFromError, formValues } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	try {
		return await listInvitations(locals.ctx, {
			actor: locals.signedIn!.actor,
			practiceId: params.practiceId
		});
	} catch (err) {
		if (isDomainError(err)) error(err.status, err.message);
		throw err;
	}
};

/** Runs one use-case for a form; an expected refusal comes back as the filled form with its message. */
async function answer<T>(event: RequestEvent, run: (values: Record<string, string>) => Promise<T>) {
	const values = formValues(await event.request.formData());
	try {
		return await run(values);
	} catch (err) {
		if (isDomainError(err) && err.retryAfterSeconds)
			event.setHeaders({ 'retry-after': String(err.retryAfterSeconds) });
		return failFromError(err, values);
	}
}

export const actions: Actions = {
	invite: (event) =>
		answer(event, async (values) => {
			const sent = await sendInvitation(event.locals.ctx, {
				actor: event.locals.signedIn!.actor,
				practiceId: event.params.practiceId,
				values,
				baseUrl: baseUrl(event.url, event.locals.ctx.config.publicUrl)
			});
			return {
				from: 'invite' as const,
				notice: `Invitation sent to ${sent.name} at ${sent.email}. The link works until ${formatLongDate(sent.expiresAt)}.`
			};
		}),
	resend: (event) =>
		answer(event, async (values) => {
			const sent = await resendInvitation(event.locals.ctx, {
				actor: event.locals.signedIn!.actor,
				invitationId: values.id ?? '',
				baseUrl: baseUrl(event.url, event.locals.ctx.config.publicUrl)
			});
			return {
				from: 'list' as const,
				notice: `Sent again to ${sent.email}, with a new link that works until ${formatLongDate(sent.expiresAt)}. The earlier link no longer works.`
			};
		}),
	revoke: (event) =>
		answer(event, async (values) => {
			const revoked = await revokeInvitation(event.locals.ctx, {
				actor: event.locals.signedIn!.actor,
				invitationId: values.id ?? ''
			});
			return {
				from: 'list' as const,
				notice: `The invitation to ${revoked.email} is revoked: its link no longer works.`
			};
		})
};
