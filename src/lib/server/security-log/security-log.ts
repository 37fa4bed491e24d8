import { randomUUID } from 'node:crypto';
import { describeDevice, timeInWords } from '../../domain/devices.ts';
import { DomainError } from '../../domain/errors.ts';
import { can, type Actor } from '../../domain/policies.ts';
import {
	practiceEventWords,
	SECURITY_LOG_SHOWN,
	securityEventWords,
	isSecurityEventKind,
	type SecurityEventKind
} from '../../domain/security-events.ts';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/create-db.ts';
import {
	insertSecurityEvent,
	listPracticeSecurityEvents,
	listSecurityEventsOf
} from './repository.ts';

/**
 * Appends one event to a person's security log (and the operator's JSON log, with the user id).
 * `db` may be a transaction, so the event is written with the change it records.
 */
export async function recordSecurityEvent(
	ctx: Pick<AppContext, 'db' | 'now' | 'log'> & { db: Db },
	input: {
		userId: string;
		kind: SecurityEventKind;
		userAgent?: string | null;
		/** A staff event or export of a practice: the practice, and the admin who acted. */
		practiceId?: string;
		actorId?: string;
	}
): Promise<void> {
	const device = input.userAgent === undefined ? null : describeDevice(input.userAgent);
	const { userId, kind, practiceId, actorId } = input;
	await insertSecurityEvent(ctx.db, {
		id: randomUUID(),
		userId,
		kind,
		at: ctx.now().toISOString(),
		device,
		practiceId,
		actorId
	});
	// ctx.log is the request's child logger on the server, so the line carries its request id.
	ctx.log.info({ userId, event: kind, practiceId, actorId }, 'security event');
}

export interface SecurityEventView {
	what: string;
	when: string;
	device: string | null;
}

/**
 * A person's own security log, newest first. Only its owner reads it: an admin of their
 * practice is refused like anyone else (policy `account.read`).
 */
export async function listSecurityLog(
	ctx: Pick<AppContext, 'db'>,
	input: { actor: Actor; userId: string }
): Promise<SecurityEventView[]> {
	if (!can(input.actor, 'account.read', { ownerId: input.userId }))
		throw new DomainError('forbidden', 'Only you can read your security log.');
	const rows = await listSecurityEventsOf(ctx.db, input.userId, SECURITY_LOG_SHOWN);
	return rows.map((row) => ({
		what: isSecurityEventKind(row.kind) ? securityEventWords[row.kind] : row.kind,
		when: timeInWords(new Date(row.at)),
		device: row.device
	}));
}

export interface PracticeEventView {
	who: string;
	what: string;
	by: string | null;
	when: string;
}

/**
 * A practice's staff events, newest first, for its admins only (policy
 * `practice.security-log.read`): who joined (and who invited them), coaches invited, invitations
 * withdrawn, staff removed, coaches given, clients taken out, the two-step rule, exports of the
 * practice, and lockouts of its coaches' and admins' accounts. Names only, never addresses.
 */
export async function listPracticeSecurityLog(
	ctx: Pick<AppContext, 'db'>,
	input: { actor: Actor; practiceId: string }
): Promise<PracticeEventView[]> {
	if (!can(input.actor, 'practice.security-log.read', { practiceId: input.practiceId }))
		throw new DomainError('forbidden', 'Only an admin of this practice can read its security log.');
	const rows = await listPracticeSecurityEvents(
		ctx.db,
		input.practiceId,
		'locked-out',
		SECURITY_LOG_SHOWN
	);
	return rows.map((row) => ({
		who: row.subject,
		what: (isSecurityEventKind(row.kind) && practiceEventWords[row.kind]) || row.kind,
		by: row.actor,
		when: timeInWords(new Date(row.at))
	}));
}
