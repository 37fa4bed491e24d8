import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { buildClient, buildCoach } from '../../../../tests/factories/accounts.ts';
import type { Actor } from '../../domain/policies.ts';
import { createAction } from '../actions/create-action.ts';
import { runDueJobs } from '../jobs/worker.ts';
import { listDevMailbox } from '../mail/mailer.ts';
import { answerCounterpart, viewCounterpartRequest } from './answer-counterpart.ts';
import { askCounterpart } from './ask-counterpart.ts';
import { listConfirmations } from './list-confirmations.ts';

const base = 'http://localhost:3000';
const action = (withEmail: string | null) => ({
	what: 'Cook dinner with Sam, sharing the shopping and the washing up',
	withName: 'Sam',
	withEmail,
	domain: 'FAM' as const,
	kind: 'together' as const,
	discipline: 'commitment' as const,
	schedule: { type: 'date' as const, dueOn: '2026-12-01' },
	suggestionId: null,
	key: null
});

describe.each(testDialects())("the other person's confirmation on %s", (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});

	async function setUp(withEmail: string | null = 'sam@example.com') {
		const coach = await buildCoach(t.ctx);
		const client = await buildClient(t.ctx, { coach, name: 'Leila Haddad' });
		const me: Actor = { userId: client.userId, practices: { [coach.practiceId]: ['client'] } };
		const created = await createAction(t.ctx, { actor: me, action: action(withEmail) });
		return { coach, client, me, actionId: created.id };
	}

	async function tokenFromMail(): Promise<string> {
		await runDueJobs(t.ctx);
		const [mail] = (await listDevMailbox(t.ctx)).filter((m) => m.to_address === 'sam@example.com');
		expect(mail?.subject).toBe('Leila asked you about something you did together');
		return mail!.text_body.match(/\/confirm\/([A-Za-z0-9_-]{43})/)![1]!;
	}

	it('emails a single-use link; the answer reaches the client and their coach', async () => {
		const { me, actionId, coach } = await setUp();
		await askCounterpart(t.ctx, { actor: me, actionId, baseUrl: base });
		await expect(askCounterpart(t.ctx, { actor: me, actionId, baseUrl: base })).rejects.toThrow(
			/^You asked Sam on .*That link works until/
		);
		const token = await tokenFromMail();
		expect(await viewCounterpartRequest(t.ctx, token)).toEqual({
			clientName: 'Leila',
			withName: 'Sam',
			what: action(null).what
		});

		await expect(
			answerCounterpart(t.ctx, { token, values: { happened: 'maybe' } })
		).rejects.toMatchObject({
			fields: { happened: 'Say whether it happened.', mutuality: 'Choose how mutual it felt.' }
		});
		await answerCounterpart(t.ctx, {
			token,
			values: { happened: 'yes', mutuality: '4', comment: 'Good fun.' }
		});
		await expect(
			answerCounterpart(t.ctx, { token, values: { happened: 'no', mutuality: '1' } })
		).rejects.toThrow('already been used');

		const seenByClient = await listConfirmations(t.ctx, { actor: me, actionId });
		expect(seenByClient[0]).toMatchObject({ happened: 'yes', mutuality: 4, comment: 'Good fun.' });
		const coachActor: Actor = {
			userId: coach.userId,
			practices: { [coach.practiceId]: ['admin', 'coach'] }
		};
		expect((await listConfirmations(t.ctx, { actor: coachActor, actionId }))[0]?.happened).toBe(
			'yes'
		);
		// Sam answered about this one-off action: Sam is not emailed about it again.
		await expect(askCounterpart(t.ctx, { actor: me, actionId, baseUrl: base })).rejects.toThrow(
			'Sam has answered about this action.'
		);
		expect(
			(await listDevMailbox(t.ctx)).filter((m) => m.to_address === 'sam@example.com')
		).toHaveLength(1);
	});

	it('refuses without an email address, and the link expires after two weeks', async () => {
		const noEmail = await setUp(null);
		await expect(
			askCounterpart(t.ctx, { actor: noEmail.me, actionId: noEmail.actionId, baseUrl: base })
		).rejects.toThrow('This action has no email address for Sam, so Midpoint cannot ask them.');
		const { me, actionId } = await setUp();
		await askCounterpart(t.ctx, { actor: me, actionId, baseUrl: base });
		const token = await tokenFromMail();
		t.clock.advance(14 * 24 * 3600_000 + 1000);
		await expect(viewCounterpartRequest(t.ctx, token)).rejects.toThrow('This link has expired');
		await expect(
			answerCounterpart(t.ctx, { token, values: { happened: 'yes', mutuality: '5' } })
		).rejects.toThrow('expired');
		await expect(viewCounterpartRequest(t.ctx, 'not-a-real-token')).rejects.toThrow('not valid');
	});

	it("refuses the client's own address for the other person, however it is written", async () => {
		const coach = await buildCoach(t.ctx);
		const client = await buildClient(t.ctx, { coach, name: 'Leila Haddad' });
		const me: Actor = { userId: client.userId, practices: { [coach.practiceId]: ['client'] } };
		const [name, domain] = client.email.split('@');
		await expect(
			createAction(t.ctx, { actor: me, action: action(`${name!.toUpperCase()}+sam@${domain}.`) })
		).rejects.toMatchObject({
			code: 'invalid_input',
			fields: { withEmail: "That is your own address. Give Sam's address, or leave it empty." }
		});
		expect(await t.ctx.db.selectFrom('actions').select('id').execute()).toEqual([]);
	});

	it('lets nobody else ask or read', async () => {
		const { actionId } = await setUp();
		const stranger = await buildClient(t.ctx);
		const elsewhere = await buildCoach(t.ctx);
		for (const actor of [
			{ userId: stranger.userId, practices: {} },
			{ userId: elsewhere.userId, practices: { [elsewhere.practiceId]: ['admin', 'coach'] } }
		] as Actor[]) {
			await expect(askCounterpart(t.ctx, { actor, actionId, baseUrl: base })).rejects.toThrow(
				'not yours'
			);
			await expect(listConfirmations(t.ctx, { actor, actionId })).rejects.toThrow('not yours');
		}
	});
});
