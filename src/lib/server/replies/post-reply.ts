import { touchClientActivity } from '../roster/refresh-client-summary.ts';
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.ts';
import { can, type Actor } from '../../domain/policies.ts';
import { clientResource } from '../assessments/access.ts';
import type { AppContext } from '../context.ts';
import { userCipher } from '../crypto/field-crypto.ts';
import { enqueueJob } from '../jobs/queue.ts';
import { findUserById } from '../users/repository.ts';
import { coachReplyEmail } from './reply-email.ts';
import { findSubject, insertReply } from './repository.ts';
import { isReplySubject } from './subject.ts';
import { REPLY_BODY_MAX, replyAddress } from './threads.ts';

const NOT_FOUND = 'There is no such conversation, or it is not yours to join.';

function refuse(message: string): never {
	throw new DomainError('conflict', message, { fields: { body: message } });
}

/**
 * Adds a reply to the thread on a shared entry or a report-back, between the client and their own
 * coach. The text is encrypted with the client's key: it is part of the client's record. When the
 * coach writes, the client is emailed a link (never the text). Nothing is saved on any refusal,
 * and the message says why, so the form can keep what was typed.
 */
export async function postReply(
	ctx: Pick<AppContext, 'db' | 'now' | 'masterKey'>,
	input: { actor: Actor; subjectType: string; subjectId: string; body: string; baseUrl: string }
): Promise<{ id: string }> {
	const subject = isReplySubject(input.subjectType)
		? await findSubject(ctx.db, input.subjectType, input.subjectId)
		: undefined;
	const resource = subject ? await clientResource(ctx.db, subject.clientId) : null;
	const allowed =
		resource !== null &&
		can(input.actor, 'reply.write', resource) &&
		(subject!.type === 'entry' || can(input.actor, 'action.read', resource));
	if (!subject || !allowed) throw new DomainError('not_found', NOT_FOUND);

	const byClient = input.actor.userId === subject.clientId;
	if (!subject.shared) {
		refuse(
			byClient
				? 'This entry is private now, so your coach could not read a reply. Your reply was not sent; it is still here. Share the entry again to carry on the conversation.'
				: 'This entry is no longer shared with you, so your reply was not sent. What you wrote is still here if you want to keep it.'
		);
	}
	const length = [...input.body].length;
	if (input.body.trim() === '') {
		throw new DomainError('invalid_input', 'Write your reply first.', {
			fields: { body: 'Write your reply first.' }
		});
	}
	if (length > REPLY_BODY_MAX) {
		const message = `A reply can hold up to ${REPLY_BODY_MAX.toLocaleString('en-GB')} characters; this one has ${length.toLocaleString('en-GB')}. Shorten it, or send it in two parts. Your text is still here.`;
		throw new DomainError('invalid_input', message, { fields: { body: message } });
	}

	const id = randomUUID();
	const cipher = await userCipher(ctx.db, ctx.masterKey, subject.clientId);
	await insertReply(ctx.db, {
		id,
		client_id: subject.clientId,
		subject_type: subject.type,
		subject_id: subject.id,
		author_id: input.actor.userId,
		body: cipher.encrypt(replyAddress(id), input.body),
		created_at: ctx.now().toISOString(),
		read_at: null
	});
	// A client's reply is activity of theirs: the roster's "last activity" says so.
	if (byClient) await touchClientActivity(ctx, subject.clientId);
	else {
		const client = await findUserById(ctx.db, subject.clientId);
		if (client) {
			await enqueueJob(
				ctx,
				'email',
				coachReplyEmail({
					to: client.email,
					name: client.name,
					subject: subject.type,
					link: `${input.baseUrl}${subject.path}`
				})
			);
		}
	}
	return { id };
}
