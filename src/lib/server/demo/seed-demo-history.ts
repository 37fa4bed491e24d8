import { weekdayOf } from '../../domain/actions/dates.ts';
import type { ScheduleInput } from '../../domain/actions/schemas.ts';
import type { Actor } from '../../domain/policies.ts';
import { closeAction } from '../actions/close-action.ts';
import { createAction } from '../actions/create-action.ts';
import { pauseAction } from '../actions/pause-action.ts';
import { reportBack } from '../actions/report-back.ts';
import { findReport } from '../actions/repository.ts';
import { skipOccurrence } from '../actions/skip-occurrence.ts';
import type { AppContext } from '../context.ts';
import { saveJournalEntry } from '../journal/save-journal-entry.ts';
import { setJournalEntrySharing } from '../journal/set-journal-entry-sharing.ts';
import { getActionThreads } from '../replies/get-action-threads.ts';
import { getEntryThread } from '../replies/get-entry-thread.ts';
import type { DemoAction, DemoPerson, DemoReply, DemoReport } from '../../content/demo/schema.ts';
import type { DemoTimeline } from './demo-timeline.ts';
import { seedDemoAssessment } from './seed-demo-assessments.ts';

/** Something a thread can hang on, once it exists: a shared entry or a report-back. */
export interface DemoSubject {
	type: 'entry' | 'report';
	/** When it was shared or reported: the first reply comes after. */
	at: number;
	replies: readonly DemoReply[];
	id: () => string;
	/** The client opens the thread (which marks their coach's replies as read). */
	readAsClient: (ctx: AppContext) => Promise<unknown>;
}

function problem(person: DemoPerson, message: string): never {
	throw new Error(`Demo data for ${person.name}: ${message}`);
}

/**
 * Puts one person's months of history on the timeline: assessments, journal entries (shared or
 * not), actions with their report-backs, skips, pauses and closings. Returns what the coach and
 * client later talk about, for the threads.
 */
export function planHistory(
	timeline: DemoTimeline,
	input: { person: DemoPerson; actor: Actor; seed: number }
): DemoSubject[] {
	const { person, actor, seed } = input;
	const subjects: DemoSubject[] = [];
	// Each person keeps their own hours, so the trail does not look machine-made.
	const hour = (k: number, from: number, span: number) => from + ((seed * 5 + k * 3) % span);

	person.results.forEach((result, k) => {
		const at = timeline.at(result.daysAgo, hour(k, 8, 12), (seed * 7 + k * 11) % 60);
		timeline.add(at, async (ctx) => {
			await seedDemoAssessment(ctx, { actor, answers: result, at, seed: seed * 10 + k });
		});
	});

	person.entries.forEach((entry, k) => {
		const at = timeline.at(entry.daysAgo, hour(k, 12, 10), (seed * 13 + k * 7) % 50);
		let id = '';
		timeline.add(at, async (ctx) => {
			const { step, promptId, body, domains, disciplines } = entry;
			({ id } = await saveJournalEntry(ctx, { actor, step, promptId, body, domains, disciplines }));
		});
		// The demo files' schema keeps replies off private entries and sharing after writing.
		if (entry.sharedDaysAgo === undefined) return;
		const sharedAt =
			entry.sharedDaysAgo === entry.daysAgo
				? at + 4 * 60_000
				: timeline.at(entry.sharedDaysAgo, 8, 30);
		timeline.add(sharedAt, (ctx) => setJournalEntrySharing(ctx, { actor, id, shared: true }));
		subjects.push({
			type: 'entry',
			at: sharedAt,
			replies: entry.replies ?? [],
			id: () => id,
			readAsClient: (ctx) => getEntryThread(ctx, { actor, entryId: id })
		});
	});

	person.actions.forEach((action, k) =>
		planAction(timeline, { ...input, action, k, subjects, hour })
	);
	return subjects;
}

function planAction(
	timeline: DemoTimeline,
	input: {
		person: DemoPerson;
		actor: Actor;
		action: DemoAction;
		k: number;
		subjects: DemoSubject[];
		hour: (k: number, from: number, span: number) => number;
	}
): void {
	const { person, actor, action, subjects, hour } = input;
	const ref = { id: '' };
	const reportAt = (daysAgo: number, n: number) =>
		timeline.at(daysAgo, hour(input.k + n, 17, 5), (n * 17 + input.k * 5) % 60);
	const addReport = (occurrenceDaysAgo: number, value: DemoReport, n: number): number => {
		const lateBy = value.lateBy ?? 0;
		const at = reportAt(occurrenceDaysAgo - lateBy, n);
		const occurrence = timeline.date(occurrenceDaysAgo);
		timeline.add(at, async (ctx) => {
			await reportBack(ctx, {
				actor,
				actionId: ref.id,
				report: {
					occurrence,
					outcome: value.outcome,
					happened: value.happened ?? null,
					mutuality: value.mutuality ?? null,
					compared: value.compared ?? null,
					measure: value.measure?.value ?? null,
					measureLabel: value.measure?.label ?? null,
					note: value.note ?? null
				}
			});
		});
		if (value.replies?.length) {
			let id = '';
			timeline.add(at + 1, async (ctx) => {
				id = (await findReport(ctx.db, ref.id, occurrence))!.id;
			});
			subjects.push({
				type: 'report',
				at,
				replies: value.replies,
				id: () => id,
				readAsClient: (ctx) => getActionThreads(ctx, { actor, actionId: ref.id })
			});
		}
		return at;
	};

	let createdDaysAgo: number;
	let lastAt = 0;
	let schedule: ScheduleInput;
	if (action.weekly) {
		const { lastDaysAgo, weeks, leadDays = 2, pause } = action.weekly;
		const first = lastDaysAgo + 7 * (weeks.length - 1);
		createdDaysAgo = first + leadDays;
		schedule = { type: 'weekly', weekday: weekdayOf(timeline.date(lastDaysAgo)) };
		weeks.forEach((week, n) => {
			const occurrenceDaysAgo = first - 7 * n;
			if (week === 'miss') return;
			if (week === 'skip') {
				const at = timeline.at(occurrenceDaysAgo, 7, 40);
				const occurrence = timeline.date(occurrenceDaysAgo);
				timeline.add(at, (ctx) => skipOccurrence(ctx, { actor, actionId: ref.id, occurrence }));
				lastAt = Math.max(lastAt, at);
				return;
			}
			lastAt = Math.max(lastAt, addReport(occurrenceDaysAgo, week, n));
		});
		if (pause) {
			const at = timeline.at(pause.daysAgo, 12, 15);
			if (at < lastAt) problem(person, 'a rhythm is paused before its last report-back.');
			const until = timeline.date(-pause.untilDaysAhead);
			timeline.add(at, (ctx) => pauseAction(ctx, { actor, actionId: ref.id, until }));
		}
	} else {
		// The schema gives every action either `weekly` or `once`.
		const { createdDaysAgo: made, dueDaysAgo, report } = action.once!;
		createdDaysAgo = made;
		schedule = { type: 'date', dueOn: timeline.date(dueDaysAgo) };
		if (report) lastAt = addReport(dueDaysAgo, report, 0);
	}

	const createdAt = timeline.at(createdDaysAgo, hour(input.k, 19, 3), 30);
	if (createdDaysAgo > person.joinedDaysAgo) problem(person, 'an action predates the account.');
	timeline.add(createdAt, async (ctx) => {
		const made = await createAction(ctx, {
			actor,
			action: {
				what: action.what,
				withName: action.withName,
				withEmail: action.withEmail ?? null,
				domain: action.domain,
				kind: action.kind,
				discipline: action.discipline,
				schedule,
				suggestionId: null,
				key: null
			}
		});
		ref.id = made.id;
	});
	if (action.closedDaysAgo !== undefined) {
		const at = timeline.at(action.closedDaysAgo, 22, 30);
		if (at < lastAt) problem(person, `"${action.what}" is closed before its last report-back.`);
		timeline.add(at, (ctx) => closeAction(ctx, { actor, actionId: ref.id }));
	}
}
