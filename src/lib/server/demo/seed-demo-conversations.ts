import type { Actor } from '../../domain/policies.ts';
import { addCoachNote } from '../coach-notes/add-coach-note.ts';
import type { AppContext } from '../context.ts';
import { recordCoachVisit } from '../practices/coach-visits.ts';
import { getClientOverview } from '../practices/get-client-overview.ts';
import { scheduleReassessment } from '../reassessments/schedule-reassessment.ts';
import { postReply } from '../replies/post-reply.ts';
import type { DemoClient } from '../../content/demo/schema.ts';
import type { DemoTimeline } from './demo-timeline.ts';
import type { DemoSubject } from './seed-demo-history.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * What passes between Rosa and a client: replies on shared entries and report-backs, Rosa's
 * private notes, a retake she asked for, and her visits to the client's page. Each visit goes
 * through the page's own use-cases, so it marks what she has seen (for the roster) and the
 * client's replies as read, just as opening the page does.
 */
export function planConversations(
	timeline: DemoTimeline,
	input: {
		client: DemoClient;
		clientActor: Actor;
		coach: Actor;
		practiceId: string;
		subjects: readonly DemoSubject[];
	}
): void {
	const { client, coach, practiceId } = input;
	const clientId = input.clientActor.userId;
	const target = { actor: coach, practiceId, clientId };
	const baseUrl = 'http://localhost:3000';
	const rosaOpensTheClient = async (ctx: AppContext) =>
		recordCoachVisit(ctx, await getClientOverview(ctx, target));
	const visits: number[] = [];
	const problem = (message: string): never => {
		throw new Error(`Demo data for ${client.name}: ${message}`);
	};

	for (const subject of input.subjects) {
		let previous = subject.at;
		subject.replies.forEach((reply, n) => {
			const at = timeline.at(reply.daysAgo, 12 + ((n * 5) % 9), (n * 23) % 60);
			if (at <= previous) problem('a reply comes before what it answers.');
			previous = at;
			// Whoever answers opens the conversation first, and so reads what came before.
			if (reply.from === 'coach') {
				visits.push(at);
				timeline.add(at - 5 * MINUTE, rosaOpensTheClient);
			} else {
				timeline.add(at - 5 * MINUTE, subject.readAsClient);
			}
			const actor = reply.from === 'coach' ? coach : input.clientActor;
			timeline.add(at, async (ctx) => {
				await postReply(ctx, {
					actor,
					subjectType: subject.type,
					subjectId: subject.id(),
					body: reply.body,
					baseUrl
				});
			});
		});
		// A reply Rosa wrote is read by the client the next day, unless that day has not come yet.
		const last = subject.replies.at(-1);
		const readAt = previous + DAY;
		if (last?.from === 'coach' && readAt < timeline.at(1, 0))
			timeline.add(readAt, subject.readAsClient);
	}

	for (const note of client.notes ?? []) {
		const at = timeline.at(note.daysAgo, 16, 10);
		visits.push(at);
		timeline.add(at - 5 * MINUTE, rosaOpensTheClient);
		timeline.add(at, (ctx) => addCoachNote(ctx, { ...target, body: note.body }));
	}
	if (client.reassessment) {
		const at = timeline.at(client.reassessment.daysAgo, 16, 20);
		const dueOn = timeline.date(-client.reassessment.dueInDays);
		visits.push(at);
		timeline.add(at, (ctx) => scheduleReassessment(ctx, { ...target, dueOn }));
	}

	// Rosa's latest visit: what the client shared or reported after it is new on her roster.
	const seenAt = timeline.at(client.coachSeenDaysAgo, 17, 50);
	if (visits.some((at) => at > seenAt)) problem('Rosa was on the page after her latest visit.');
	timeline.add(seenAt, rosaOpensTheClient);
}
