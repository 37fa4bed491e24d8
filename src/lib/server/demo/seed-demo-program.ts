import { demoProgram, demoProgramDocument } from '../../content/demo/program/demo-program.ts';
import { demoClients } from '../../content/demo/demo-practice.ts';
import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { importProgram } from '../programs/create-program.ts';
import { enrolClients } from '../programs/enrol.ts';
import { completeMyStep } from '../programs/follow.ts';
import { publishProgram } from '../programs/publish-program.ts';
import { findUserByEmail } from '../users/repository.ts';
import type { DemoTimeline } from './demo-timeline.ts';

/**
 * Seeds Rosa's own program (content/demo/program): she imports her changed copy of the built-in
 * program and publishes it the day before the first enrolment, enrols each client on their start
 * day, and each client marks their steps done on their days, all through the use-cases with the
 * clock set back, so the roster's Program column and the clients' home pages show it.
 */
export async function seedDemoProgram(
	ctx: AppContext,
	input: { timeline: DemoTimeline; practiceId: string; coach: Actor }
): Promise<void> {
	const { timeline, practiceId, coach } = input;
	const first = Math.max(...demoProgram.enrolments.map((e) => e.startedDaysAgo));
	let programId = '';
	timeline.add(timeline.at(first + 1, 8), async (at) => {
		const text = JSON.stringify(demoProgramDocument);
		({ id: programId } = await importProgram(at, { actor: coach, practiceId, text }));
		await publishProgram(at, { actor: coach, practiceId, programId });
	});
	for (const e of demoProgram.enrolments) {
		const email = demoClients.find((c) => c.name === e.client)!.email;
		const user = (await findUserByEmail(ctx.db, email))!;
		const client: Actor = { userId: user.id, practices: { [practiceId]: ['client'] } };
		timeline.add(timeline.at(e.startedDaysAgo, 8, 30), (at) =>
			enrolClients(at, {
				actor: coach,
				practiceId,
				programId,
				clientIds: [user.id],
				startOn: timeline.date(e.startedDaysAgo)
			})
		);
		for (const d of e.done)
			timeline.add(timeline.at(d.daysAgo, 19), (at) =>
				completeMyStep(at, { actor: client, stepId: d.step })
			);
	}
	await timeline.run(ctx);
}
