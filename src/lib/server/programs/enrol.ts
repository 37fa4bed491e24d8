import { randomUUID } from 'node:crypto';
import { todayFor } from '../../domain/actions/dates.ts';
import { DomainError } from '../../domain/errors.ts';
import { can, type Actor } from '../../domain/policies.ts';
import { startDateProblem, startInstant } from '../../domain/programs/start-date.ts';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/create-db.ts';
import { findClientInPractice, type ClientInPractice } from '../practices/repository.ts';
import { usableProgram } from './access.ts';
import { findLatestVersion, findOpenEnrolmentOf, insertEnrolment } from './repository.ts';

type Ctx = Pick<AppContext, 'db' | 'now'>;

function newEnrolment(
	userId: string,
	versionId: string | null,
	by: string,
	start: string,
	at: string
) {
	return {
		id: randomUUID(),
		user_id: userId,
		version_id: versionId,
		enrolled_by: by,
		start_at: start,
		status: 'active' as const,
		paused_at: null,
		resumed_at: null,
		ended_at: null,
		created_at: at,
		last_activity_at: at,
		reported_progress: null
	};
}

/** Refuses a second open enrolment; the unique index is the last word if two arrive at once. */
async function insertOnce(db: Db, row: ReturnType<typeof newEnrolment>, taken: string) {
	if (await findOpenEnrolmentOf(db, row.user_id))
		throw new DomainError('conflict', taken, { fields: { clients: taken } });
	try {
		await insertEnrolment(db, row);
	} catch (err) {
		if (await findOpenEnrolmentOf(db, row.user_id))
			throw new DomainError('conflict', taken, { fields: { clients: taken } });
		throw err;
	}
}

/**
 * Enrols clients of the practice in the latest version of a program, all or none. Each must be
 * a client the actor coaches (or any client, for an admin) and must not follow a program yet.
 */
export async function enrolClients(
	ctx: Ctx,
	input: {
		actor: Actor;
		practiceId: string;
		programId: string;
		clientIds: string[];
		startOn: string;
	}
): Promise<{ enrolled: number }> {
	const { program } = await usableProgram(ctx.db, input.actor, input.programId, input.practiceId);
	const version = await findLatestVersion(ctx.db, program.id);
	if (!version) {
		const message = 'Publish this program before enrolling anyone in it.';
		throw new DomainError('conflict', message, { fields: { clients: message } });
	}
	if (input.clientIds.length === 0) {
		const message = 'Tick at least one client to enrol.';
		throw new DomainError('invalid_input', message, { fields: { clients: message } });
	}
	const now = ctx.now();
	const problem = startDateProblem(input.startOn, todayFor(now));
	if (problem) throw new DomainError('invalid_input', problem, { fields: { startOn: problem } });
	const clients: ClientInPractice[] = [];
	for (const id of new Set(input.clientIds)) {
		const client = await findClientInPractice(ctx.db, input.practiceId, id);
		if (!client || !can(input.actor, 'enrolment.manage', client))
			throw new DomainError('not_found', 'One of these clients is not yours to enrol.', {
				fields: { clients: 'One of these clients is not yours to enrol.' }
			});
		clients.push(client);
	}
	await ctx.db.transaction().execute(async (trx) => {
		for (const client of clients)
			await insertOnce(
				trx,
				newEnrolment(
					client.ownerId,
					version.id,
					input.actor.userId,
					startInstant(input.startOn),
					now.toISOString()
				),
				`${client.name} already follows a program. End that enrolment before starting another.`
			);
	});
	return { enrolled: clients.length };
}

/** A client starts the built-in program on their own, today. */
export async function startBuiltInProgram(ctx: Ctx, input: { actor: Actor }): Promise<void> {
	const userId = input.actor.userId;
	if (!can(input.actor, 'enrolment.follow', { ownerId: userId }))
		throw new DomainError('forbidden', 'Only you can start a program for yourself.');
	const now = ctx.now();
	await insertOnce(
		ctx.db,
		newEnrolment(userId, null, userId, startInstant(todayFor(now)), now.toISOString()),
		'You already follow a program. Finish it, or ask your coach to end it, before starting another.'
	);
}
