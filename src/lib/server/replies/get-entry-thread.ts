import { DomainError } from '../../domain/errors.ts';
import { can, type Actor } from '../../domain/policies.ts';
import { clientResource } from '../assessments/access.ts';
import type { AppContext } from '../context.ts';
import { findSubject } from './repository.ts';
import { readThreads, type ReplyView } from './threads.ts';

/**
 * The thread on one journal entry. The client always sees it, shared or not (it is their record);
 * their coach only while the entry is shared. Reading it marks the other person's replies as read.
 */
export async function getEntryThread(
	ctx: Pick<AppContext, 'db' | 'masterKey' | 'now' | 'log'>,
	input: { actor: Actor; entryId: string }
): Promise<{ replies: ReplyView[]; canReply: boolean }> {
	const subject = await findSubject(ctx.db, 'entry', input.entryId);
	const resource = subject ? await clientResource(ctx.db, subject.clientId) : null;
	const isClient = subject?.clientId === input.actor.userId;
	if (
		!subject ||
		!resource ||
		!can(input.actor, 'reply.read', resource) ||
		(!isClient && !subject.shared)
	) {
		throw new DomainError('not_found', 'There is no such conversation, or it is not yours.');
	}
	const threads = await readThreads(ctx, {
		readerId: input.actor.userId,
		clientId: subject.clientId,
		subjectType: 'entry',
		subjectIds: [subject.id]
	});
	return {
		replies: threads.get(subject.id) ?? [],
		canReply: subject.shared && can(input.actor, 'reply.write', resource)
	};
}
