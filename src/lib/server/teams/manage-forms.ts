import type { RequestEvent } from '@sveltejs/kit';
import { formAction } from '../http/form-action.ts';
import { baseUrl } from '../http/forms.ts';
import { inviteMember } from './invite-member.ts';
import { archiveTeam, describeTeam, nameLead, removeMember } from './manage-team.ts';
import { closeCheckInNow, openCheckInRound } from './rounds.ts';
import { resendTeamInvitation, withdrawTeamInvitation } from './team-invitations.ts';

/**
 * The coach's forms on a team's management page, each answering with what changed (or the
 * refusal, tagged with its form so the page shows it beside the right one).
 */
type Event = RequestEvent<{ teamId: string }>;
const who = (event: Event) => ({
	actor: event.locals.signedIn!.actor,
	teamId: event.params.teamId
});

export const manageTeamActions = {
	describe: formAction(
		async (event: Event, { values }) => {
			await describeTeam(event.locals.ctx, { ...who(event), values });
			return { changed: 'The team’s name and description are saved.' };
		},
		{ form: 'describe' }
	),
	invite: formAction(
		async (event: Event, { values }) => {
			const base = baseUrl(event.url, event.locals.ctx.config.publicUrl);
			const sent = await inviteMember(event.locals.ctx, { ...who(event), values, baseUrl: base });
			return { changed: `${sent.name} is invited: the email is on its way to ${sent.email}.` };
		},
		{ form: 'invite' }
	),
	resend: formAction(
		async (event: Event, { values }) => {
			const base = baseUrl(event.url, event.locals.ctx.config.publicUrl);
			const sent = await resendTeamInvitation(event.locals.ctx, {
				...who(event),
				invitationId: values.invitationId ?? '',
				baseUrl: base
			});
			return {
				changed: `A new invitation is on its way to ${sent.email}; the link in the earlier email no longer works.`
			};
		},
		{ form: 'invitations' }
	),
	withdraw: formAction(
		async (event: Event, { values }) => {
			const withdrawn = await withdrawTeamInvitation(event.locals.ctx, {
				...who(event),
				invitationId: values.invitationId ?? ''
			});
			return {
				changed: `The invitation to ${withdrawn.email} is withdrawn: its link no longer works.`
			};
		},
		{ form: 'invitations' }
	),
	lead: formAction(
		async (event: Event, { values }) => {
			await nameLead(event.locals.ctx, { ...who(event), leadId: values.leadId ?? '' });
			return { changed: 'The team lead is saved.' };
		},
		{ form: 'lead' }
	),
	remove: formAction(
		async (event: Event, { values }) => {
			const name = await removeMember(event.locals.ctx, {
				...who(event),
				userId: values.userId ?? ''
			});
			return {
				changed: `${name} is no longer on the team. Their past check-ins stay in the trail.`
			};
		},
		{ form: 'remove' }
	),
	open: formAction(
		async (event: Event, { values }) => {
			const { number } = await openCheckInRound(event.locals.ctx, {
				...who(event),
				closesOn: values.closesOn ?? '',
				baseUrl: baseUrl(event.url, event.locals.ctx.config.publicUrl)
			});
			return {
				changed: `Check-in ${number} is open. Each member gets an email with the link, and sees it on their home and team page.`
			};
		},
		{ form: 'open' }
	),
	close: formAction(
		async (event: Event) => {
			await closeCheckInNow(event.locals.ctx, who(event));
			return { changed: 'The check-in is closed. Its figures are now part of the trail.' };
		},
		{ form: 'close' }
	),
	archive: formAction(
		async (event: Event) => {
			await archiveTeam(event.locals.ctx, who(event));
			return { changed: 'The team is archived. Its map and trail stay readable.' };
		},
		{ form: 'archive' }
	)
};
