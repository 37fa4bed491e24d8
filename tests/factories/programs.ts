import { randomUUID } from 'node:crypto';
import type { Actor } from '../../src/lib/domain/policies.ts';
import type { ProgramDocument, ProgramStep } from '../../src/lib/domain/programs/schema.ts';
import type { AppContext } from '../../src/lib/server/context.ts';
import { addMembership } from '../../src/lib/server/practices/repository.ts';
import { addStep } from '../../src/lib/server/programs/edit-draft.ts';
import { createProgram, importProgram } from '../../src/lib/server/programs/create-program.ts';
import { enrolClients } from '../../src/lib/server/programs/enrol.ts';
import { publishProgram } from '../../src/lib/server/programs/publish-program.ts';
import { buildClient, buildCoach } from './accounts.ts';

/** A reading step: the smallest step there is, for schedule and storage tests. */
export function reading(
	id: string,
	delivery: ProgramStep['delivery'],
	body = 'Read *this*.'
): ProgramStep {
	return { id, title: `Reading ${id}`, kind: 'reading', body, delivery, dueDays: 7 };
}

export function program(steps: ProgramStep[], title = 'Test program'): ProgramDocument {
	return { schema: 1, title, summary: '', steps };
}

/** A practice: admin Ada, coach Cole, and two of Cole's clients, Cleo and Olly. */
export async function practice(ctx: AppContext) {
	const owner = await buildCoach(ctx, { name: 'Ada Admin' });
	const p = owner.practiceId;
	const coachUser = await buildClient(ctx, { name: 'Cole Coach' });
	await addMembership(ctx.db, {
		id: randomUUID(),
		practiceId: p,
		userId: coachUser.userId,
		role: 'coach',
		at: ctx.now().toISOString()
	});
	const cole = { userId: coachUser.userId, practiceId: p };
	const cleo = await buildClient(ctx, { coach: cole, name: 'Cleo Client' });
	const olly = await buildClient(ctx, { coach: cole, name: 'Olly Other' });
	const ada: Actor = { userId: owner.userId, practices: { [p]: ['admin', 'coach'] } };
	const coach: Actor = { userId: cole.userId, practices: { [p]: ['coach'] } };
	const client = (id: string): Actor => ({ userId: id, practices: { [p]: ['client'] } });
	const emails = { ada: owner.email, cole: coachUser.email, cleo: cleo.email, olly: olly.email };
	return {
		p,
		ada,
		coach,
		cleo,
		olly,
		emails,
		cleoA: client(cleo.userId),
		ollyA: client(olly.userId)
	};
}

/** The Done-when program: four steps, a reading, and a 3-day wait before step 2. */
export async function fourSteps(ctx: AppContext, actor: Actor, p: string) {
	const { id } = await createProgram(ctx, { actor, practiceId: p, title: 'Steady steps' });
	const target = { actor, practiceId: p, programId: id };
	await addStep(ctx, {
		...target,
		kind: 'reading',
		form: { title: 'Why the middle', body: 'Read *slowly*.', rule: 'right-away', dueDays: '7' }
	});
	await addStep(ctx, {
		...target,
		kind: 'check-in',
		form: {
			title: 'How was it',
			question: 'What stayed with you?',
			rule: 'days-after-previous',
			days: '3',
			dueDays: '7'
		}
	});
	await addStep(ctx, {
		...target,
		kind: 'reflection',
		form: {
			title: 'Patterns',
			intro: 'Look closely.',
			promptsAny: 'When did you ask? | A recent time',
			rule: 'after-previous',
			dueDays: '7'
		}
	});
	await addStep(ctx, {
		...target,
		kind: 'actions',
		form: { title: 'Try one', intro: 'Pick one.', rule: 'after-previous', dueDays: '7' }
	});
	return target;
}

type Cast = Awaited<ReturnType<typeof practice>>;

/** Cole imports `steps` as a program, publishes it and enrols `who` (Cleo unless told) from the test's first day. */
export async function publishAndEnrol(
	ctx: AppContext,
	cast: Cast,
	steps: ProgramStep[],
	who = cast.cleo.userId
) {
	const text = JSON.stringify(program(steps, 'Detected'));
	const { id } = await importProgram(ctx, { actor: cast.coach, practiceId: cast.p, text });
	const target = { actor: cast.coach, practiceId: cast.p, programId: id };
	await publishProgram(ctx, target);
	await enrolClients(ctx, { ...target, clientIds: [who], startOn: '2026-11-27' });
	return target;
}

/** Makes someone (a team member, say) a client of Cole's, as an actor of the practice. */
export async function clientOfCole(ctx: AppContext, cast: Cast, userId: string): Promise<Actor> {
	await addMembership(ctx.db, {
		id: randomUUID(),
		practiceId: cast.p,
		userId,
		role: 'client',
		coachId: cast.coach.userId,
		at: ctx.now().toISOString()
	});
	return { userId, practices: { [cast.p]: ['client'] } };
}
