import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { buildClient, buildCoach } from '../../../../tests/factories/accounts.ts';
import type { Actor } from '../../domain/policies.ts';
import { runDueJobs } from '../jobs/worker.ts';
import { listDevMailbox } from '../mail/mailer.ts';
import { hashToken } from '../security/tokens.ts';
import { listInvitations } from './list-invitations.ts';
import { resendInvitation } from './resend-invitation.ts';
import { revokeInvitation } from './revoke-invitation.ts';
import { sendInvitation } from './send-invitation.ts';
import { viewInvitation } from './view-invitation.ts';
import { actorOf as actorOfUser, join } from '../../../../tests/factories/workspace.ts';

const baseUrl = 'http://localhost:3000';
const DAY = 24 * 3600_000;

describe.each(testDialects())('sending, resending and revoking invitations on %s', (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});

	const actorOf = (userId: string): Promise<Actor> => actorOfUser(t.ctx, userId);

	async function setUp() {
		const coach = await buildCoach(t.ctx, { name: 'Amara Osei', practiceName: 'Osei Coaching' });
		return { coach, me: await actorOf(coach.userId) };
	}

	const invite = (actor: Actor, practiceId: string, values: Record<string, string>) =>
		sendInvitation(t.ctx, { actor, practiceId, values, baseUrl });

	async function lastLinkTo(email: string): Promise<string> {
		await runDueJobs(t.ctx);
		const mail = (await listDevMailbox(t.ctx)).find((m) => m.to_address === email);
		return mail!.text_body.match(/\/invite\/([A-Za-z0-9_-]{43})/)![1]!;
	}

	it('emails the invited client a single link, kept only as a hash', async () => {
		const { coach, me } = await setUp();
		const sent = await invite(me, coach.practiceId, {
			role: 'client',
			name: 'Jonas Berg',
			email: '  Jonas@Example.com '
		});
		expect(sent).toMatchObject({
			email: 'jonas@example.com',
			expiresAt: '2026-12-11T09:00:00.000Z'
		});
		await runDueJobs(t.ctx);
		const [mail] = await listDevMailbox(t.ctx);
		expect(mail!.subject).toBe('Amara Osei invited you to Osei Coaching on Midpoint');
		expect(mail!.text_body).toContain('Hello Jonas Berg,');
		expect(mail!.text_body).toContain(
			'Amara Osei would like to coach you, and has invited you to join Osei Coaching on Midpoint.'
		);
		expect(mail!.text_body).toContain('It works once, until 11 December 2026.');
		const token = mail!.text_body.match(
			/http:\/\/localhost:3000\/invite\/([A-Za-z0-9_-]{43})/
		)![1]!;
		const row = await t.ctx.db.selectFrom('invitations').selectAll().executeTakeFirstOrThrow();
		expect(row).toMatchObject({ role: 'client', coach_id: coach.userId, send_count: 1 });
		expect(row.token_hash).toBe(hashToken(token));
		expect(JSON.stringify(row)).not.toContain(token);

		const view = await viewInvitation(t.ctx, { token, viewer: null });
		expect(view).toMatchObject({
			state: 'open',
			invitation: { inviterName: 'Amara Osei', practiceName: 'Osei Coaching', name: 'Jonas Berg' },
			viewer: { kind: 'new-account' }
		});
		const listed = await listInvitations(t.ctx, { actor: me, practiceId: coach.practiceId });
		expect(listed.invitations.map((i) => [i.email, i.status])).toEqual([
			['jonas@example.com', 'pending']
		]);
		expect(listed).toMatchObject({ canInviteClients: true, canInviteCoaches: true });
	});

	it('answers bad input field by field and changes nothing', async () => {
		const { coach, me } = await setUp();
		const member = await buildClient(t.ctx, { coach, name: 'Noor Said' });
		await expect(
			invite(me, coach.practiceId, { role: 'client', name: '', email: 'not-an-address' })
		).rejects.toMatchObject({
			code: 'invalid_input',
			fields: {
				name: 'Enter the name of the person you are inviting.',
				email: 'Enter an email address like name@example.com.'
			}
		});
		await expect(
			invite(me, coach.practiceId, { role: 'client', name: 'Noor', email: member.email })
		).rejects.toMatchObject({
			fields: { email: expect.stringContaining('Noor Said already belongs to Osei Coaching') }
		});
		await expect(
			invite(me, coach.practiceId, { role: 'client', name: 'Me', email: coach.email })
		).rejects.toMatchObject({ code: 'invalid_input' });
		expect(await t.ctx.db.selectFrom('invitations').selectAll().execute()).toEqual([]);
		expect(await t.ctx.db.selectFrom('jobs').selectAll().execute()).toEqual([]);

		await invite(me, coach.practiceId, { role: 'client', name: 'Ida', email: 'ida@example.com' });
		await expect(
			invite(me, coach.practiceId, { role: 'client', name: 'Ida', email: 'IDA@example.com' })
		).rejects.toMatchObject({
			fields: { email: expect.stringContaining('You invited this address on 27 November 2026') }
		});
	});

	it('invites an address with an account elsewhere exactly as any other', async () => {
		const { coach, me } = await setUp();
		const elsewhere = await buildCoach(t.ctx);
		const taken = await buildClient(t.ctx, { coach: elsewhere, email: 'taken@example.com' });
		const fresh = await invite(me, coach.practiceId, {
			role: 'client',
			name: 'Fresh',
			email: 'fresh@example.com'
		});
		const known = await invite(me, coach.practiceId, {
			role: 'client',
			name: 'Taken',
			email: taken.email
		});
		expect(Object.keys(known)).toEqual(Object.keys(fresh));
		expect(known.email).toBe('taken@example.com');
		await runDueJobs(t.ctx);
		const subjects = (await listDevMailbox(t.ctx)).map((m) => m.subject);
		expect(new Set(subjects)).toEqual(
			new Set(['Amara Osei invited you to Osei Coaching on Midpoint'])
		);
	});

	it('resending makes a new link, kills the old one, resets the expiry and counts the send', async () => {
		const { coach, me } = await setUp();
		const { id } = await invite(me, coach.practiceId, {
			role: 'client',
			name: 'Jonas',
			email: 'jonas@example.com'
		});
		const first = await lastLinkTo('jonas@example.com');
		t.clock.advance(3 * DAY);
		await t.ctx.db.deleteFrom('dev_mailbox').execute();
		const resent = await resendInvitation(t.ctx, { actor: me, invitationId: id, baseUrl });
		expect(resent.expiresAt).toBe('2026-12-14T09:00:00.000Z');
		const second = await lastLinkTo('jonas@example.com');
		expect(second).not.toBe(first);
		expect(await viewInvitation(t.ctx, { token: first, viewer: null })).toMatchObject({
			state: 'problem',
			problem: 'missing',
			message: expect.stringContaining('only the newest link works')
		});
		expect(await viewInvitation(t.ctx, { token: second, viewer: null })).toMatchObject({
			state: 'open'
		});
		const [item] = (await listInvitations(t.ctx, { actor: me, practiceId: coach.practiceId }))
			.invitations;
		expect(item).toMatchObject({ sendCount: 2, lastSentAt: '2026-11-30T09:00:00.000Z' });
	});

	it('expires after 14 days; a resend brings it back', async () => {
		const { coach, me } = await setUp();
		const { id } = await invite(me, coach.practiceId, {
			role: 'client',
			name: 'Jonas',
			email: 'jonas@example.com'
		});
		const token = await lastLinkTo('jonas@example.com');
		t.clock.advance(14 * DAY - 1000);
		expect(await viewInvitation(t.ctx, { token, viewer: null })).toMatchObject({ state: 'open' });
		t.clock.advance(1000);
		expect(await viewInvitation(t.ctx, { token, viewer: null })).toMatchObject({
			state: 'problem',
			problem: 'expired',
			title: 'This invitation has expired',
			message:
				'It ran out on 11 December 2026. Ask Amara Osei to send it again: you will get a new link by email, good for another 14 days.'
		});
		const listed = await listInvitations(t.ctx, { actor: me, practiceId: coach.practiceId });
		expect(listed.invitations[0]!.status).toBe('expired');
		// An expired invitation no longer blocks a new one to the same address.
		await t.ctx.db.deleteFrom('dev_mailbox').execute();
		await resendInvitation(t.ctx, { actor: me, invitationId: id, baseUrl });
		const again = await lastLinkTo('jonas@example.com');
		expect(await viewInvitation(t.ctx, { token: again, viewer: null })).toMatchObject({
			state: 'open'
		});
	});

	it('revokes: the link says so, and a revoked invitation is not resent', async () => {
		const { coach, me } = await setUp();
		const { id } = await invite(me, coach.practiceId, {
			role: 'client',
			name: 'Jonas',
			email: 'jonas@example.com'
		});
		const token = await lastLinkTo('jonas@example.com');
		await revokeInvitation(t.ctx, { actor: me, invitationId: id });
		expect(await viewInvitation(t.ctx, { token, viewer: null })).toMatchObject({
			state: 'problem',
			problem: 'revoked',
			message: expect.stringContaining('Amara Osei withdrew this invitation')
		});
		await expect(revokeInvitation(t.ctx, { actor: me, invitationId: id })).rejects.toThrow(
			'already revoked'
		);
		await expect(
			resendInvitation(t.ctx, { actor: me, invitationId: id, baseUrl })
		).rejects.toMatchObject({
			code: 'conflict',
			message: expect.stringContaining('send a new invitation')
		});
		// A fresh invitation to the same address is fine.
		await invite(me, coach.practiceId, {
			role: 'client',
			name: 'Jonas',
			email: 'jonas@example.com'
		});
	});

	it('lets only the sender or an admin resend or revoke', async () => {
		const { coach: admin, me: adminActor } = await setUp();
		const other = await buildCoach(t.ctx, { name: 'Second Coach' });
		await join(t.ctx, admin.practiceId, other.userId, 'coach');
		const colleague = await actorOf(other.userId);
		const third = await buildCoach(t.ctx, { name: 'Third Coach' });
		await join(t.ctx, admin.practiceId, third.userId, 'coach');
		const bystander = await actorOf(third.userId);

		const { id } = await invite(colleague, admin.practiceId, {
			role: 'client',
			name: 'Jonas',
			email: 'jonas@example.com'
		});
		for (const stranger of [bystander, await actorOf((await buildClient(t.ctx)).userId)]) {
			await expect(
				resendInvitation(t.ctx, { actor: stranger, invitationId: id, baseUrl })
			).rejects.toMatchObject({ code: 'not_found' });
			await expect(
				revokeInvitation(t.ctx, { actor: stranger, invitationId: id })
			).rejects.toMatchObject({ code: 'not_found' });
		}
		expect(
			(await listInvitations(t.ctx, { actor: bystander, practiceId: admin.practiceId })).invitations
		).toEqual([]);
		await expect(
			invite(bystander, admin.practiceId, { role: 'client', name: 'J', email: 'jonas@example.com' })
		).rejects.toMatchObject({
			fields: {
				email: expect.stringContaining('Second Coach or an admin of the practice can send')
			}
		});
		expect(
			(await listInvitations(t.ctx, { actor: colleague, practiceId: admin.practiceId })).invitations
		).toHaveLength(1);
		await resendInvitation(t.ctx, { actor: colleague, invitationId: id, baseUrl });
		const seenByAdmin = await listInvitations(t.ctx, {
			actor: adminActor,
			practiceId: admin.practiceId
		});
		expect(seenByAdmin.invitations[0]).toMatchObject({
			inviterName: 'Second Coach',
			sentByMe: false
		});
		await revokeInvitation(t.ctx, { actor: adminActor, invitationId: id });
	});

	it('refuses a coach of another practice, and coach invitations from anyone but an admin', async () => {
		const { coach } = await setUp();
		const elsewhere = await buildCoach(t.ctx);
		const outsider = await actorOf(elsewhere.userId);
		await expect(
			invite(outsider, coach.practiceId, { role: 'client', name: 'J', email: 'j@example.com' })
		).rejects.toMatchObject({ code: 'not_found' });
		await expect(
			listInvitations(t.ctx, { actor: outsider, practiceId: coach.practiceId })
		).rejects.toMatchObject({ code: 'not_found' });

		await join(t.ctx, coach.practiceId, elsewhere.userId, 'coach');
		const plainCoach = await actorOf(elsewhere.userId);
		await expect(
			invite(plainCoach, coach.practiceId, { role: 'coach', name: 'K', email: 'k@example.com' })
		).rejects.toMatchObject({
			code: 'forbidden',
			message: 'Only an admin of this practice can invite coaches.'
		});
		const page = await listInvitations(t.ctx, { actor: plainCoach, practiceId: coach.practiceId });
		expect(page).toMatchObject({ canInviteClients: true, canInviteCoaches: false });

		// An admin who does not coach brings in coaches, but has no clients of their own to invite.
		await t.ctx.db
			.deleteFrom('memberships')
			.where('user_id', '=', coach.userId)
			.where('role', '=', 'coach')
			.execute();
		const adminOnly = await actorOf(coach.userId);
		await invite(adminOnly, coach.practiceId, { role: 'coach', name: 'K', email: 'k@example.com' });
		await expect(
			invite(adminOnly, coach.practiceId, { role: 'client', name: 'L', email: 'l@example.com' })
		).rejects.toMatchObject({ code: 'forbidden' });
	});

	it('refuses resending or revoking an accepted invitation', async () => {
		const { coach, me } = await setUp();
		const { id } = await invite(me, coach.practiceId, {
			role: 'client',
			name: 'Jonas',
			email: 'jonas@example.com'
		});
		await t.ctx.db
			.updateTable('invitations')
			.set({ accepted_at: t.ctx.now().toISOString() })
			.where('id', '=', id)
			.execute();
		await expect(
			resendInvitation(t.ctx, { actor: me, invitationId: id, baseUrl })
		).rejects.toMatchObject({
			code: 'conflict',
			message: 'Jonas accepted this invitation on 27 November 2026, so there is nothing to resend.'
		});
		await expect(revokeInvitation(t.ctx, { actor: me, invitationId: id })).rejects.toThrow(
			'so there is nothing to revoke'
		);
	});

	it('limits how often one address is invited', async () => {
		const { coach, me } = await setUp();
		const { id } = await invite(me, coach.practiceId, {
			role: 'client',
			name: 'Jonas',
			email: 'jonas@example.com'
		});
		for (let i = 0; i < 4; i++)
			await resendInvitation(t.ctx, { actor: me, invitationId: id, baseUrl });
		await expect(
			resendInvitation(t.ctx, { actor: me, invitationId: id, baseUrl })
		).rejects.toMatchObject({
			code: 'rate_limited',
			message: expect.stringContaining('Please wait')
		});
		const [row] = await t.ctx.db.selectFrom('invitations').select('send_count').execute();
		expect(row!.send_count).toBe(5);
		t.clock.advance(DAY);
		await resendInvitation(t.ctx, { actor: me, invitationId: id, baseUrl });
	});
});
