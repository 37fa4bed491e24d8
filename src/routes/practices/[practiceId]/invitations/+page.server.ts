import { formatLongDate } from '$lib/format';
import { formAction } from '$lib/server/http/form-action';
import { baseUrl } from '$lib/server/http/forms';
import { withErrorPage } from '$lib/server/http/load';
import { listInvitations } from '$lib/server/invitations/list-invitations';
import { resendInvitation } from '$lib/server/invitations/resend-invitation';
import { revokeInvitation } from '$lib/server/invitations/revoke-invitation';
import { sendInvitation } from '$lib/server/invitations/send-invitation';
import type { Actions, PageServerLoad } from './$types';

// Plain forms that post natively: the server keeps what was typed and focuses the first error,
// so the page ships no JavaScript (decision 0023: the 40 KB budget).
export const csr = false;

export const load: PageServerLoad = (event) =>
	withErrorPage(event, ({ locals, params }) =>
		listInvitations(locals.ctx, { actor: locals.signedIn!.actor, practiceId: params.practiceId })
	);

// A refusal from a row's Resend or Revoke carries the row's `id`; the invite form has none.
export const actions: Actions = {
	invite: formAction(async ({ locals, params, url }, { values }) => {
		const sent = await sendInvitation(locals.ctx, {
			actor: locals.signedIn!.actor,
			practiceId: params.practiceId,
			values,
			baseUrl: baseUrl(url, locals.ctx.config.publicUrl)
		});
		const until = formatLongDate(sent.expiresAt);
		const notice = `Invitation sent to ${sent.name} at ${sent.email}. The link works until ${until}.`;
		return { from: 'invite' as const, notice };
	}),
	resend: formAction(async ({ locals, url }, { values }) => {
		const sent = await resendInvitation(locals.ctx, {
			actor: locals.signedIn!.actor,
			invitationId: values.id ?? '',
			baseUrl: baseUrl(url, locals.ctx.config.publicUrl)
		});
		const until = formatLongDate(sent.expiresAt);
		const notice = `Sent again to ${sent.email}, with a new link that works until ${until}. The earlier link no longer works.`;
		return { from: 'list' as const, notice };
	}),
	revoke: formAction(async ({ locals }, { values }) => {
		const actor = locals.signedIn!.actor;
		const revoked = await revokeInvitation(locals.ctx, { actor, invitationId: values.id ?? '' });
		const notice = `The invitation to ${revoked.email} is revoked: its link no longer works.`;
		return { from: 'list' as const, notice };
	})
};
