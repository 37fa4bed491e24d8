import {
	DEMO_ROUND_DAYS,
	demoClosedRound,
	demoComments,
	demoOpenRound,
	type DemoRound
} from '../../content/demo/feedback.ts';
import type { DomainCode } from '../../content/instrument/codes.ts';
import { closingInstant } from '../../domain/feedback/round-rules.ts';
import { ATTENTION_EXPECTED, ATTENTION_ID } from '../../domain/scoring/item-layout.ts';
import { simulateRespondents } from '../../domain/scoring/simulation.ts';
import type { AppContext } from '../context.ts';
import { recordRound } from '../feedback/record-round.ts';
import { raterReminderKey, roundReminderKey } from '../feedback/remind-raters.ts';
import { listWaitingRaters } from '../feedback/rater-repository.ts';
import { claimSendKey } from '../reminders/repository.ts';
import { setShared } from '../feedback/repository.ts';
import type { DemoTimeline } from './demo-timeline.ts';

type Form = Parameters<typeof recordRound>[1]['forms'][number];

/** One round's forms: simulated answers of each group's own 18 lines, the check line as asked. */
function formsOf(round: DemoRound, seed: number): Form[] {
	const forms: Form[] = [];
	let comment = seed;
	for (const [domain, group] of Object.entries(round.groups) as [
		DomainCode,
		{ asked: number; answered: number }
	][]) {
		const people = simulateRespondents({
			respondents: group.answered,
			seed: seed * 31 + forms.length
		});
		for (let i = 0; i < group.asked; i++) {
			const person = people[i];
			if (!person) {
				forms.push({ domain, answers: null });
				continue;
			}
			const answers = Object.fromEntries(
				Object.entries(person.answers).filter(([id]) => id.startsWith(`${domain}_`))
			);
			answers[ATTENTION_ID] = ATTENTION_EXPECTED;
			forms.push({ domain, answers, comment: demoComments[comment++ % demoComments.length] });
		}
	}
	return forms;
}

/**
 * The demo client's feedback rounds: one closed weeks ago (released through the real release,
 * family with too few answers) and, for the first two clients, one open now. The first client
 * shares the closed one with Rosa. No emails: nobody can open these raters' links.
 */
export async function seedDemoFeedback(
	ctx: AppContext,
	input: { userId: string; index: number; timeline: DemoTimeline }
): Promise<void> {
	const { timeline, index } = input;
	const closedOpened = demoClosedRound.openedDaysAgo - index * 3;
	const closedId = await recordRound(ctx, {
		userId: input.userId,
		forms: formsOf(demoClosedRound, index + 1),
		openedAt: new Date(timeline.at(closedOpened, 10)).toISOString(),
		closesAt: closingInstant(timeline.date(closedOpened - DEMO_ROUND_DAYS)),
		close: true
	});
	if (index === 0)
		await setShared(ctx.db, closedId, new Date(timeline.at(closedOpened - 20, 18)).toISOString());
	if (index > 1) return;
	const openId = await recordRound(ctx, {
		userId: input.userId,
		forms: formsOf(demoOpenRound, index + 101),
		openedAt: new Date(timeline.at(demoOpenRound.openedDaysAgo, 10)).toISOString(),
		closesAt: closingInstant(timeline.date(demoOpenRound.openedDaysAgo - DEMO_ROUND_DAYS)),
		close: false
	});
	// The raters are made up: every reminder counts as sent, so neither the jobs scan nor the
	// "remind them" button ever emails their addresses (a demo with SMTP must write to nobody).
	const at = ctx.now().toISOString();
	await claimSendKey(ctx.db, roundReminderKey(openId), input.userId, at);
	for (const waiting of await listWaitingRaters(ctx.db, { roundId: openId }))
		await claimSendKey(ctx.db, raterReminderKey(waiting.rater.id), input.userId, at);
}
