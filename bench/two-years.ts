// Two years of one client's history with their coach, for the benchmarks: seeded through the
// app's own use-cases (so journal text, actions and replies are encrypted as in use). Each week:
// two journal entries (one shared, with the coach's reply, every other week), two actions with a
// report-back, closed; an assessment every 13 weeks.
import { randomUUID } from 'node:crypto';
import { answerScoring } from '../src/lib/domain/scoring/reverse-keying.ts';
import type { Actor } from '../src/lib/domain/policies.ts';
import { closeAction } from '../src/lib/server/actions/close-action.ts';
import { createAction } from '../src/lib/server/actions/create-action.ts';
import { reportBack } from '../src/lib/server/actions/report-back.ts';
import { selfPages } from '../src/lib/server/assessments/get-assessment-page.ts';
import { saveAssessmentPage } from '../src/lib/server/assessments/save-assessment-page.ts';
import { startAssessment } from '../src/lib/server/assessments/start-assessment.ts';
import { createAccount } from '../src/lib/server/auth/sign-up.ts';
import { openContext } from '../src/lib/server/cli/open-context.ts';
import type { AppContext } from '../src/lib/server/context.ts';
import { runDueJobs } from '../src/lib/server/jobs/worker.ts';
import { saveJournalEntry } from '../src/lib/server/journal/save-journal-entry.ts';
import { setJournalEntrySharing } from '../src/lib/server/journal/set-journal-entry-sharing.ts';
import { addMembership } from '../src/lib/server/practices/repository.ts';
import { postReply } from '../src/lib/server/replies/post-reply.ts';
import { hashPassword } from '../src/lib/server/security/password-hash.ts';

export const TWO_YEARS_PASSWORD = 'two years of small steps';
export const TWO_YEARS_COACH = 'rosa@example.com';
export const TWO_YEARS_CLIENT = 'amara@example.com';

/** Seeds the two years into the database `env` names; the context stays open for the caller. */
export async function seedTwoYears(env: Record<string, string>) {
	const DAY = 86_400_000;
	const WEEKS = 104;
	const { ctx: base, handle } = await openContext(env);
	let clock = Date.parse('2024-11-25T09:00:00Z');
	const ctx: AppContext = { ...base, now: () => new Date(clock) };

	const passwordHash = await hashPassword(TWO_YEARS_PASSWORD);
	const coach = await createAccount(ctx, {
		kind: 'coach',
		name: 'Rosa Coach',
		email: TWO_YEARS_COACH,
		passwordHash,
		practiceName: 'Bench Practice',
		verified: true
	});
	const client = await createAccount(ctx, {
		kind: 'client',
		name: 'Amara Client',
		email: TWO_YEARS_CLIENT,
		passwordHash,
		verified: true
	});
	await addMembership(ctx.db, {
		id: randomUUID(),
		practiceId: coach.practiceId!,
		userId: client.userId,
		role: 'client',
		coachId: coach.userId,
		at: ctx.now().toISOString()
	});
	const me: Actor = { userId: client.userId, practices: { [coach.practiceId!]: ['client'] } };
	const rosa: Actor = {
		userId: coach.userId,
		practices: { [coach.practiceId!]: ['admin', 'coach'] }
	};
	const paragraph =
		'Today I noticed how quickly I said I would handle it myself, before anyone had even offered. ' +
		'When my sister asked whether I needed a hand with the move, I heard myself say no, and then ' +
		'spent the evening wishing I had said yes. Next time I want to pause for a breath first. ';

	const started = Date.now();
	const counts = { results: 0, entries: 0, actions: 0, reports: 0, replies: 0 };
	for (let week = 0; week < WEEKS; week++) {
		clock = Date.parse('2024-11-25T09:00:00Z') + week * 7 * DAY;
		if (week % 13 === 0) {
			const { id } = await startAssessment(ctx, { userId: me.userId });
			for (let page = 0; page < selfPages.length; page++) {
				const answers: Record<string, string> = {};
				for (const line of selfPages[page]!)
					answers[line.id] = line.attention
						? '4'
						: String(answerScoring(line.id, 2 + ((week / 13) % 3)));
				clock += 60_000;
				await saveAssessmentPage(ctx, {
					actor: me,
					assessmentId: id,
					page,
					answers,
					confirmSkip: true
				});
			}
			counts.results++;
		}
		for (let n = 0; n < 2; n++) {
			clock += 3_600_000;
			const body = `Week ${week + 1}, entry ${n + 1}. ${paragraph.repeat(1 + (week % 3))}`;
			const { id } = await saveJournalEntry(ctx, {
				actor: me,
				step: 'examine',
				promptId: 'examine-independent-pattern',
				body,
				domains: ['FAM'],
				disciplines: []
			});
			counts.entries++;
			if (n === 0 && week % 2 === 0) {
				await setJournalEntrySharing(ctx, { actor: me, id, shared: true });
				await postReply(ctx, {
					actor: rosa,
					subjectType: 'entry',
					subjectId: id,
					body: 'Thank you for sharing this; let us look at it on Thursday.',
					baseUrl: 'http://localhost'
				});
				counts.replies++;
			}
		}
		for (let n = 0; n < 2; n++) {
			const today = new Date(clock).toISOString().slice(0, 10);
			const { id } = await createAction(ctx, {
				actor: me,
				action: {
					what: `Ask for help with one thing this week (${week}.${n})`,
					withName: 'Sam',
					withEmail: null,
					domain: n ? 'FRI' : 'FAM',
					kind: 'ask-help',
					discipline: 'commitment',
					schedule: { type: 'date', dueOn: today },
					suggestionId: null,
					key: null
				}
			});
			await reportBack(ctx, {
				actor: me,
				actionId: id,
				report: {
					occurrence: today,
					outcome: 'done',
					happened: 'I asked, and it was easier than I had feared. We did it together.',
					mutuality: 4,
					compared: 'better',
					measure: null,
					measureLabel: null,
					note: 'Felt awkward for a minute, then fine.'
				}
			});
			await closeAction(ctx, { actor: me, actionId: id });
			counts.actions++;
			counts.reports++;
		}
	}
	console.log(
		`Seeded two years (${WEEKS} weeks) in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
			`${counts.results} results, ${counts.entries} journal entries, ${counts.actions} actions, ` +
			`${counts.reports} report-backs, ${counts.replies} replies (${handle.dialect}).`
	);
	// Send the email the seeding queued (replies notify the client).
	while ((await runDueJobs(ctx)) > 0);
	return { ctx, handle, me, rosa };
}
