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
	actions: { open: ThreadedAction[]; closed: ThreadedAction[]; dueCount: number } | null;
	notes: CoachNote[] | null;
	reassessment: { id: string; dueOn: string; createdAt: string } | null;
}

type Ctx = Pick<AppContext, 'db' | 'masterKey' | 'now' | 'log'>;

/**
 * One client as their coach (or the practice admin) sees them. The admin sees results only; the
 * client's own coach also sees what was shared and reported, the threads on them, their own
 * private notes and any retake asked for. Anyone else: "not found". It records nothing about the
 * visit itself (the route queues that with recordCoachVisit); reading a thread still marks the
 * other person's replies as read.
 */
export async function getClientOverview(
	ctx: Ctx,
	input: { actor: Actor; practiceId: string; clientId: string }
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
	if (can(actor, 'journal.read-shared', client)) {
		const entries = await listSharedEntries(ctx, { actor, client, cipher: clientKey });
		const threads = await threadsOn(
			'entry',
			entries.map((e) => e.id)
		);
		sharedEntries = entries.map((e) => ({ ...e, replies: threads.get(e.id) ?? [] }));
	}

	let actions: ClientOverview['actions'] = null;
	if (can(actor, 'action.read', client)) {
		const listed = await listActionsOfClient(ctx, actor, client, clientKey);
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
			dueCount: listed.dueCount
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
		lastSeenAt: ownCoach
			? comparedWith(await readCoachVisit(ctx, client.ownerId), ctx.now().toISOString())
			: null,
		sharedEntries,
		actions,
		notes,
		reassessment: pending
			? { id: pending.id, dueOn: pending.due_on, createdAt: pending.created_at }
			: null
	};
}
