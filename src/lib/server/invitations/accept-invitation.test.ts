import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { buildClient, buildCoach } from '../../../../tests/factories/accounts.ts';
import type { Actor } from '../../domain/policies.ts';
import { resolveSession } from '../auth/sessions.ts';
import { runDueJobs } from '../jobs/worker.ts';
import { saveJournalEntry } from '../journal/save-journal-entry.ts';
import { setJournalEntrySharing } from '../journal/set-journal-entry-sharing.ts';
import { listJournalEntries } from '../journal/list-journal-entries.ts';
import { listDevMailbox } from '../mail/mailer.ts';
import { getClientOverview } from '../practices/get-client-overview.ts';
import { leavePractice } from '../practices/leave-practice.ts';
import { acceptInvitation } from './accept-invitation.ts';
import { admit } from './admit.ts';
import { openInvitation } from './open-invitation.ts';
import { joinPractice } from './join-practice.ts';
import { listRoster } from '../roster/list-roster.ts';
import { sendInvitation } from './send-invitation.ts';
import { viewInvitation } from './view-invitation.ts';
import { actorOf as actorOfUser } from '../../../../tests/factories/workspace.ts';

const baseUrl = 'http://localhost:3000';
const password = 'tea on the balcony at dusk';
const prompt = { step: 'examine', promptId: 'examine-independent-when' };

describe.each(testDialects())('accepting an invitation on %s', (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});

	const actorOf = (userId: string): Promise<Actor> => actorOfUser(t.ctx, userId);

	/** Invites `email` into a fresh coach's practice and returns the token from the email. */
	async function invited(email: string, role: 'client' | 'coach' = 'client', name = 'Jonas Berg') {
		const coach = await buildCoach(t.ctx, { name: 'Amara Osei', practiceName: 'Osei Coaching' });
		const actor = await actorOf(coach.userId);
		await sendInvitation(t.ctx, {
			actor,
			practiceId: coach.practiceId,
			values: { role, name, email },
			baseUrl
		});
		await runDueJobs(t.ctx);
		const mail = (await listDevMailbox(t.ctx)).find((m) => m.to_address === email)!;
		await t.ctx.db.deleteFrom('dev_mailbox').execute();
		const token = mail.text_body.match(/\/invite\/([A-Za-z0-9_-]{43})/)![1]!;
		return { coach, coachActor: actor, token };
	}

	const membershipsOf = (userId: string) =>
		t.ctx.db
			.selectFrom('memberships')
			.select(['practice_id', 'role', 'coach_id'])
			.where('user_id', '=', userId)
			.orderBy('role')
			.execute();

	it('creates the account, confirmed, signs them in and makes them the coach’s client', async () => {
		const { coach, token } = await invited('jonas@example.com');
		await expect(
			acceptInvitation(t.ctx, { token, values: { name: '', password: 'short' }, address: '::1' })
		).rejects.toMatchObject({
			code: 'invalid_input',
			fields: { name: 'Enter your name.', password: 'Use at least 12 characters (this one has 5).' }
		});
		expect(await t.ctx.db.selectFrom('users').select('id').execute()).toHaveLength(1);

		const accepted = await acceptInvitation(t.ctx, {
			token,
			values: { name: 'Jonas B.', password },
			address: '::1'
		});
		const session = await resolveSession(t.ctx, accepted.token);
		expect(session?.user).toMatchObject({
			email: 'jonas@example.com',
			name: 'Jonas B.',
			kind: 'client'
		});
		expect(session?.actor.practices).toEqual({ [coach.practiceId]: ['client'] });
		const user = await t.ctx.db
			.selectFrom('users')
			.selectAll()
			.where('id', '=', accepted.userId)
			.executeTakeFirstOrThrow();
		expect(user.email_verified_at).toBe(t.ctx.now().toISOString());
		expect(await membershipsOf(accepted.userId)).toEqual([
			{ practice_id: coach.practiceId, role: 'client', coach_id: coach.userId }
		]);
		// The coach's roster has a row for them at once.
		expect(
			await t.ctx.db
				.selectFrom('client_summaries')
				.select('client_id')
				.where('client_id', '=', accepted.userId)
				.executeTakeFirst()
		).toBeDefined();

		const again = await viewInvitation(t.ctx, {
			token,
			viewer: { userId: accepted.userId, email: 'jonas@example.com' }
		});
		expect(again).toMatchObject({ state: 'problem', problem: 'used', yours: true });
		await expect(
			acceptInvitation(t.ctx, { token, values: { name: 'X', password }, address: '::1' })
		).rejects.toMatchObject({ code: 'gone' });
	});

	it('brings a coach in as a coach, without a practice of their own', async () => {
		const { coach, token } = await invited('kofi@example.com', 'coach', 'Kofi');
		const accepted = await acceptInvitation(t.ctx, {
			token,
			values: { name: 'Kofi Mensah', password },
			address: '::1'
		});
		expect(await membershipsOf(accepted.userId)).toEqual([
			{ practice_id: coach.practiceId, role: 'coach', coach_id: null }
		]);
		const session = await resolveSession(t.ctx, accepted.token);
		expect(session?.user.kind).toBe('coach');
	});

	it('asks someone with an account to sign in, then lets a self-guided client join with everything kept', async () => {
		// Jonas shared an entry with an earlier coach, then left that practice: on his own now,
		// with one entry still shared, which the next coach would read.
		const solo = await buildClient(t.ctx, {
			name: 'Jonas Berg',
			email: 'jonas@example.com',
			coach: await buildCoach(t.ctx)
		});
		const withCoach = await actorOf(solo.userId);
		const shared = await saveJournalEntry(t.ctx, {
			actor: withCoach,
			...prompt,
			body: 'I asked my brother for help with the move.',
			domains: ['FAM'],
			disciplines: []
		});
		await setJournalEntrySharing(t.ctx, { actor: withCoach, id: shared.id, shared: true });
		await leavePractice(t.ctx, { actor: withCoach, confirmed: true });
		const me = await actorOf(solo.userId);
		await saveJournalEntry(t.ctx, {
			actor: me,
			...prompt,
			body: 'Something only for me.',
			domains: [],
			disciplines: []
		});
		const { coach, coachActor, token } = await invited('jonas@example.com');

		expect(await viewInvitation(t.ctx, { token, viewer: null })).toMatchObject({
			viewer: { kind: 'sign-in' }
		});
		const viewer = { userId: solo.userId, email: solo.email };
		expect(await viewInvitation(t.ctx, { token, viewer })).toMatchObject({
			state: 'open',
			viewer: { kind: 'join', sharedEntries: 1, sharedRounds: 0 }
		});
		await expect(
			acceptInvitation(t.ctx, { token, values: { name: 'Jonas', password }, address: '::1' })
		).rejects.toMatchObject({ code: 'conflict' });

		await joinPractice(t.ctx, { token, user: { id: solo.userId, email: solo.email } });
		expect(await membershipsOf(solo.userId)).toEqual([
			{ practice_id: coach.practiceId, role: 'client', coach_id: coach.userId }
		]);
		const entries = await listJournalEntries(t.ctx, { actor: await actorOf(solo.userId) });
		expect(entries.map((e) => [e.body, e.sharedAt !== null]).sort()).toEqual([
			['I asked my brother for help with the move.', true],
			['Something only for me.', false]
		]);
		const overview = await getClientOverview(t.ctx, {
			actor: coachActor,
			practiceId: coach.practiceId,
			clientId: solo.userId
		});
		expect(overview.sharedEntries?.map((e) => e.body)).toEqual([
			'I asked my brother for help with the move.'
		]);
	});

	it('tells a client of another practice to leave it first, and changes nothing', async () => {
		const first = await buildCoach(t.ctx, { practiceName: 'First Light' });
		const client = await buildClient(t.ctx, { coach: first, email: 'jonas@example.com' });
		const firstActor = await actorOf(first.userId);
		const { coach, token } = await invited('jonas@example.com');
		const viewer = { userId: client.userId, email: client.email };
		expect(await viewInvitation(t.ctx, { token, viewer })).toMatchObject({
			viewer: { kind: 'in-other-practice', practiceName: 'First Light' }
		});
		await expect(
			joinPractice(t.ctx, { token, user: { id: client.userId, email: client.email } })
		).rejects.toMatchObject({
			code: 'conflict',
			message: expect.stringContaining('first leave First Light from your account page')
		});
		expect(await membershipsOf(client.userId)).toEqual([
			{ practice_id: first.practiceId, role: 'client', coach_id: first.userId }
		]);
		const row = await t.ctx.db.selectFrom('invitations').selectAll().executeTakeFirstOrThrow();
		expect(row.accepted_at).toBeNull();

		// Leaving needs a tick; then the former coach loses access at once, and joining works.
		const me = await actorOf(client.userId);
		await expect(leavePractice(t.ctx, { actor: me, confirmed: false })).rejects.toMatchObject({
			fields: { confirm: 'Tick the box to confirm that you want to leave First Light.' }
		});
		await leavePractice(t.ctx, { actor: me, confirmed: true });
		await expect(
			getClientOverview(t.ctx, {
				actor: firstActor,
				practiceId: first.practiceId,
				clientId: client.userId
			})
		).rejects.toMatchObject({ code: 'not_found' });
		await expect(
			leavePractice(t.ctx, { actor: await actorOf(client.userId), confirmed: true })
		).rejects.toMatchObject({ code: 'not_found' });
		await joinPractice(t.ctx, { token, user: { id: client.userId, email: client.email } });
		expect(await membershipsOf(client.userId)).toEqual([
			{ practice_id: coach.practiceId, role: 'client', coach_id: coach.userId }
		]);

		// The former coach, opening the client who moved: a plain refusal that names nothing of
		// the new practice, and the client is gone from their roster.
		const moved = getClientOverview(t.ctx, {
			actor: firstActor,
			practiceId: first.practiceId,
			clientId: client.userId
		});
		await expect(moved).rejects.toMatchObject({
			code: 'not_found',
			message: 'There is no such client in this practice, or they are not yours to see.'
		});
		const roster = await listRoster(t.ctx, {
			actor: firstActor,
			practiceId: first.practiceId,
			sort: 'name',
			filter: 'all',
			search: '',
			page: 1,
			scope: 'mine'
		});
		expect(roster.total).toBe(0);
	});

	it('refuses someone signed in with another address, and a member of the practice already', async () => {
		const other = await buildClient(t.ctx, { email: 'someone.else@example.com' });
		const { coach, token } = await invited('jonas@example.com');
		const viewer = { userId: other.userId, email: other.email };
		expect(await viewInvitation(t.ctx, { token, viewer })).toMatchObject({
			viewer: { kind: 'wrong-account', signedInAs: 'someone.else@example.com' }
		});
		await expect(
			joinPractice(t.ctx, { token, user: { id: other.userId, email: other.email } })
		).rejects.toMatchObject({
			code: 'forbidden',
			message: expect.stringContaining('This invitation is for jonas@example.com')
		});
		expect(await membershipsOf(other.userId)).toEqual([]);

		// The address became a member another way after the invitation went out.
		const jonas = await buildClient(t.ctx, { coach, email: 'jonas@example.com' });
		const asJonas = { userId: jonas.userId, email: jonas.email };
		expect(await viewInvitation(t.ctx, { token, viewer: asJonas })).toMatchObject({
			viewer: { kind: 'already-member' }
		});
		await expect(
			joinPractice(t.ctx, { token, user: { id: jonas.userId, email: jonas.email } })
		).rejects.toThrow('You already belong to Osei Coaching. Nothing has changed.');
	});

	it('changes nothing when a race makes them a client elsewhere first', async () => {
		const { token } = await invited('jonas@example.com');
		const invitation = await openInvitation(t.ctx, token);
		const first = await buildCoach(t.ctx, { practiceName: 'First Light' });
		// Past the checks, another request made them a client of another practice.
		const client = await buildClient(t.ctx, { coach: first, email: 'jonas@example.com' });
		await expect(admit(t.ctx, invitation, client.userId)).rejects.toMatchObject({
			code: 'conflict',
			message: expect.stringContaining('Something changed while you were accepting')
		});
		const row = await t.ctx.db.selectFrom('invitations').selectAll().executeTakeFirstOrThrow();
		expect(row.accepted_at).toBeNull();
		expect(await membershipsOf(client.userId)).toHaveLength(1);
	});

	it('shows a friendly page for a link that never existed', async () => {
		expect(await viewInvitation(t.ctx, { token: 'nope', viewer: null })).toMatchObject({
			state: 'problem',
			problem: 'missing',
			title: 'We cannot find this invitation'
		});
	});
});
