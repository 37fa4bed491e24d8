import { DomainError } from '../../domain/errors.ts';
import { can, type Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import {
	listAssessmentHistory,
	type HistoryEntry
} from '../assessments/list-assessment-history.ts';
import { listNotesOnClient } from '../coach-notes/list-coach-notes.ts';
import { lazyCipher } from '../crypto/field-crypto.ts';
import type { CoachNote } from '../coach-notes/note-access.ts';
import type { JournalEntry } from '../journal/entry-access.ts';
import { listSharedEntries } from '../journal/list-shared-entries.ts';
import { findPendingReassessment } from '../reassessments/repository.ts';
import { readThreads, type ReplyView } from '../replies/threads.ts';
import { comparedWith } from '../../domain/coach-visits.ts';
import { HISTORY_SHOWN } from '../../domain/coach-page-history.ts';
import { latestAndNews } from '../../domain/latest-and-news.ts';
import {
	arrivedSince,
	isNewReport,
	tagAsNew,
	tagReportAsNew
} from '../../domain/new-since-visit.ts';
import { listSubjectsWithUnreadClientReplies } from '../replies/repository.ts';
import type { ReportRow } from '../actions/repository.ts';
import { NOT_YOUR_CLIENT } from './client-in-practice.ts';
import { readCoachVisit } from './coach-visits.ts';
import { findClientInPractice } from './repository.ts';
import { listActionsOfClient, type ClientAction, type ReportBack } from './list-client-actions.ts';

export interface ThreadedEntry extends JournalEntry {
	replies: ReplyView[];
}
export interface ThreadedAction extends Omit<ClientAction, 'reports'> {
	reports: (ReportBack & { replies: ReplyView[] })[];
}

export interface ClientOverview {
	client: { id: string; name: string; email: string; coachId: string | null };
	practiceId: string;
	results: HistoryEntry[];
	/** The reader is the client's own coach; the parts below are null for anyone else. */
	ownCoach: boolean;
	/**
	 * When this coach last looked before the visit in progress (null on a first visit): what the
	 * page shows as new since. Reading does not record the visit: see recordCoachVisit.
	 */
	lastSeenAt: string | null;
	sharedEntries: ThreadedEntry[] | null;
	/** All shared entries, and how many of them `sharedEntries` leaves out. */
	sharedTotal: number | null;
	sharedHidden: number;
	actions: {
		open: ThreadedAction[];
		closed: ThreadedAction[];
		dueCount: number;
		/** Closed actions left out of `closed`. */
		closedHidden: number;
	} | null;
	/** What came in since the visit, counted over all of the client's history (own coach only). */
	newSince: { entries: number; reports: number; replies: number } | null;
	notes: CoachNote[] | null;
	reassessment: { id: string; dueOn: string; createdAt: string } | null;
}

type Ctx = Pick<AppContext, 'db' | 'masterKey' | 'now' | 'log'>;

/** The two facts "new since the visit" reads of a stored report-back. */
const reportDates = (r: ReportRow) => ({ skipped: r.outcome === null, updatedAt: r.updated_at });

/**
 * One client as their coach (or the practice admin) sees them. The admin sees results only; the
 * client's own coach also sees what was shared and reported, the threads on them, their own
 * private notes and any retake asked for. Anyone else: "not found". It records nothing about the
 * visit itself (the route queues that with recordCoachVisit); reading a thread still marks the
 * other person's replies as read.
 */
export async function getClientOverview(
	ctx: Ctx,
	input: {
		actor: Actor;
		practiceId: string;
		clientId: string;
		/**
		 * Everything (the default), or only the latest closed actions and shared entries with
		 * anything new since the visit and `keep` (a report-back or entry just replied to). Only
		 * what is kept is decrypted.
		 */
		history?: { all: boolean; keep: string | null };
	}
): Promise<ClientOverview> {
	const client = await findClientInPractice(ctx.db, input.practiceId, input.clientId);
	// This is the practice's view of a client: the client's own pages are elsewhere.
	const practiceSide = can(input.actor, 'practice.view', { practiceId: input.practiceId });
	if (!client || !practiceSide || !can(input.actor, 'client.profile.read', client)) {
		throw new DomainError('not_found', NOT_YOUR_CLIENT);
	}
	const { actor } = input;
	// Found and checked once above; each part below still asks its own policy of this client, and
	// the client's key is looked up once for their entries and both sets of threads.
	const clientKey = lazyCipher(ctx.db, ctx.masterKey, client.ownerId);
	const history = await listAssessmentHistory(ctx, { actor, userId: client.ownerId });
	// What is new since the coach's previous visit decides what of a long history stays in view.
	const lastSeen = comparedWith(await readCoachVisit(ctx, client.ownerId), ctx.now().toISOString());
	// Only a reader of the threads needs to know which have a reply they have not read.
	const unanswered = new Set(
		can(actor, 'reply.read', client)
			? await listSubjectsWithUnreadClientReplies(ctx.db, client.ownerId)
			: []
	);
	const showAll = input.history?.all ?? true;
	const keep = input.history?.keep ?? null;
	const counts = { entries: 0, reports: 0 };
	const threadsOn = async (subjectType: 'entry' | 'report', subjectIds: string[]) =>
		can(actor, 'reply.read', client)
			? readThreads(ctx, {
					readerId: actor.userId,
					clientId: client.ownerId,
					subjectType,
					subjectIds,
					cipher: clientKey
				})
			: new Map<string, ReplyView[]>();

	let sharedEntries: ThreadedEntry[] | null = null;
	let sharedTotal: number | null = null;
	let sharedHidden = 0;
	if (can(actor, 'journal.read-shared', client)) {
		const entries = await listSharedEntries(ctx, {
			actor,
			client,
			cipher: clientKey,
			pick: (rows) => {
				sharedTotal = rows.length;
				counts.entries = rows.filter((r) => arrivedSince(r.shared_at, lastSeen)).length;
				const picked = latestAndNews(
					rows,
					HISTORY_SHOWN,
					(r) =>
						(r.shared_at !== null && tagAsNew(r.shared_at, lastSeen)) ||
						unanswered.has(r.id) ||
						r.id === keep,
					showAll
				);
				sharedHidden = picked.hidden;
				return picked.shown;
			}
		});
		const threads = await threadsOn(
			'entry',
			entries.map((e) => e.id)
		);
		sharedEntries = entries.map((e) => ({ ...e, replies: threads.get(e.id) ?? [] }));
	}

	let actions: ClientOverview['actions'] = null;
	if (can(actor, 'action.read', client)) {
		const listed = await listActionsOfClient(ctx, actor, client, clientKey, (closed, reports) => {
			counts.reports = reports.filter((r) => isNewReport(reportDates(r), lastSeen)).length;
			const reportsOf = new Map<string, ReportRow[]>();
			for (const r of reports)
				reportsOf.set(r.action_id, [...(reportsOf.get(r.action_id) ?? []), r]);
			return latestAndNews(
				closed,
				HISTORY_SHOWN,
				(a) =>
					(reportsOf.get(a.id) ?? []).some(
						(r) => tagReportAsNew(reportDates(r), lastSeen) || unanswered.has(r.id) || r.id === keep
					),
				showAll
			);
		});
		const all = [...listed.open, ...listed.closed];
		const reported = all.flatMap((a) => a.reports.filter((r) => !r.skipped).map((r) => r.id));
		const threads = await threadsOn('report', reported);
		const thread = (a: ClientAction): ThreadedAction => ({
			...a,
			reports: a.reports.map((r) => ({ ...r, replies: threads.get(r.id) ?? [] }))
		});
		actions = {
			open: listed.open.map(thread),
			closed: listed.closed.map(thread),
			dueCount: listed.dueCount,
			closedHidden: listed.closedHidden
		};
	}

	const notes = can(actor, 'coach-note.read', client)
		? await listNotesOnClient(ctx, actor, client)
		: null;
	const pending = can(actor, 'reassessment.schedule', client)
		? await findPendingReassessment(ctx.db, client.ownerId)
		: undefined;
	const ownCoach = client.coachId === actor.userId && notes !== null;
	return {
		client: { id: client.ownerId, name: client.name, email: client.email, coachId: client.coachId },
		practiceId: input.practiceId,
		results: history.entries,
		ownCoach,
		lastSeenAt: ownCoach ? lastSeen : null,
		sharedEntries,
		sharedTotal,
		sharedHidden,
		actions,
		newSince: ownCoach
			? {
					...counts,
					replies: [
						...(sharedEntries ?? []).flatMap((e) => e.replies),
						...[...(actions?.open ?? []), ...(actions?.closed ?? [])].flatMap((a) =>
							a.reports.flatMap((r) => r.replies)
						)
					].filter((r) => r.byClient && r.isNew).length
				}
			: null,
		notes,
		reassessment: pending
			? { id: pending.id, dueOn: pending.due_on, createdAt: pending.created_at }
			: null
	};
}
