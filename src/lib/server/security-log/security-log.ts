import { randomUUID } from 'node:crypto';
import { describeDevice, timeInWords } from '../../domain/devices.ts';
import { DomainError } from '../../domain/errors.ts';
import { can, type Actor } from '../../domain/policies.ts';
import {
	SECURITY_LOG_SHOWN,
	securityEventWords,
	isSecurityEventKind,
	type SecurityEventKind
} from '../../domain/security-events.ts';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/create-db.ts';
import { insertSecurityEvent, listSecurityEventsOf } from './repository.ts';

/**
 * Appends one event to a person's security log (and the operator's JSON log, with the user id).
 * `db` may be a transaction, so the event is written with the change it records.
 */
export async function recordSecurityEvent(
	ctx: Pick<AppContext, 'db' | 'now' | 'log'> & { db: Db },
	input: { userId: string; kind: SecurityEventKind; userAgent?: string | null }
): Promise<void> {
	const device = input.userAgent === undefined ? null : describeDevice(input.userAgent);
	await insertSecurityEvent(ctx.db, {
		id: randomUUID(),
		userId: input.userId,
		kind: input.kind,
		at: ctx.now().toISOString(),
		device
	});
	ctx.log.info({ userId: input.userId, event: input.kind }, 'security event');
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
