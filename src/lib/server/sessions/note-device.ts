import { describeDevice } from '../../domain/devices.ts';
import type { AppContext } from '../context.ts';
import { enqueueJob } from '../jobs/queue.ts';
import { newSignInEmail } from '../mail/account-security-email.ts';
import { hashToken, newToken } from '../security/tokens.ts';
import { findUserById } from '../users/repository.ts';
import { insertKnownDevice } from './repository.ts';
import { recordSecurityEvent } from '../security-log/security-log.ts';

/**
 * After a sign-in: is this browser one the account has seen before? The browser keeps a random
 * value in a long-lived cookie; the account keeps its hash. An unseen browser is remembered and,
 * when `notify`, the owner gets an email through the queue. Answers the value for the cookie.
 */
export async function noteSignInDevice(
	ctx: Pick<AppContext, 'db' | 'now' | 'masterKey' | 'log'>,
	input: {
		userId: string;
		deviceToken: string | undefined;
		userAgent: string | null;
		notify: boolean;
		baseUrl: string;
	}
): Promise<string> {
	const token =
		input.deviceToken && /^[A-Za-z0-9_-]{43}$/.test(input.deviceToken)
			? input.deviceToken
			: newToken().token;
	const at = ctx.now();
	const isNew = await insertKnownDevice(ctx.db, {
		userId: input.userId,
		deviceHash: hashToken(token),
		at: at.toISOString()
	});
	if (isNew && input.notify) {
		const user = await findUserById(ctx.db, input.userId);
		const device = describeDevice(input.userAgent);
		const loginUrl = `${input.baseUrl}/login`;
		if (user)
			await enqueueJob(
				ctx,
				'email',
				newSignInEmail(user.email, user.name, { at, device, loginUrl })
			);
		const userAgent = input.userAgent;
		await recordSecurityEvent(ctx, { userId: input.userId, kind: 'new-device', userAgent });
	}
	return token;
}
