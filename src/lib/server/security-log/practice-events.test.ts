import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { buildCoach } from '../../../../tests/factories/accounts.ts';
import { actorOf } from '../../../../tests/factories/workspace.ts';
import { acceptInvitation } from '../invitations/accept-invitation.ts';
import { revokeInvitation } from '../invitations/revoke-invitation.ts';
import { sendInvitation } from '../invitations/send-invitation.ts';
import { runDueJobs } from '../jobs/worker.ts';
import { listDevMailbox } from '../mail/mailer.ts';
import { setSecondFactorRequirement } from '../two-factor/requirement.ts';
import { listPracticeSecurityLog } from './security-log.ts';

const baseUrl = 'http://localhost:3000';

describe.each(testDialects())("a practice's security log on %s", (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});

	it('shows who joined and who let them in, invitations of coaches and withdrawn, and the two-step rule', async () => {
		const admin = await buildCoach(t.ctx, { name: 'Amara Osei', practiceName: 'Osei Coaching' });
		const amara = await actorOf(t.ctx, admin.userId);
		const practiceId = admin.practiceId;
		const invite = (name: string, email: string, role: string) =>
			sendInvitation(t.ctx, { actor: amara, practiceId, values: { role, name, email }, baseUrl });

		await invite('Lee Park', 'lee@example.com', 'coach');
		await invite('Sam Rivera', 'sam@example.com', 'client');
		const stray = await invite('Wrong Address', 'wrong@example.com', 'client');
		t.clock.advance(1000);
		await revokeInvitation(t.ctx, { actor: amara, invitationId: stray.id });
		await runDueJobs(t.ctx);
		const tokenFor = async (email: string) =>
			(await listDevMailbox(t.ctx))
				.find((m) => m.to_address === email)!
				.text_body.match(/\/invite\/([A-Za-z0-9_-]{43})/)![1]!;
		for (const [email, name] of [
			['lee@example.com', 'Lee Park'],
			['sam@example.com', 'Sam Rivera']
		] as const) {
			t.clock.advance(1000);
			await acceptInvitation(t.ctx, {
				token: await tokenFor(email),
				values: { name, password: 'a long and quiet harbour' },
				address: '::1'
			});
		}
		t.clock.advance(1000);
		await setSecondFactorRequirement(t.ctx, { actor: amara, practiceId, required: true });
		// Saving the same rule again is no change, and no event.
		await setSecondFactorRequirement(t.ctx, { actor: amara, practiceId, required: true });

		const log = await listPracticeSecurityLog(t.ctx, { actor: amara, practiceId });
		expect(log.map((e) => [e.who, e.what, e.by])).toEqual([
			['Amara Osei', 'Required two-step sign-in of all staff', 'Amara Osei'],
			['Sam Rivera', 'Joined as a client', 'Amara Osei'],
			['Lee Park', 'Joined as a coach', 'Amara Osei'],
			['Amara Osei', 'Withdrew an invitation', 'Amara Osei'],
			['Amara Osei', 'Invited a coach', 'Amara Osei']
		]);
	});
});
