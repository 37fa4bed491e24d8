import type { Actor } from '../../domain/policies.ts';
import { addCoachNote } from '../coach-notes/add-coach-note.ts';
import { deleteCoachNote } from '../coach-notes/delete-coach-note.ts';
import { editCoachNote } from '../coach-notes/edit-coach-note.ts';
import type { AppContext } from '../context.ts';
import { cancelReassessment } from '../reassessments/cancel-reassessment.ts';
import { scheduleReassessment } from '../reassessments/schedule-reassessment.ts';
import { postReply } from '../replies/post-reply.ts';
import { suggestRound } from '../feedback/suggestions.ts';

type Ctx = Pick<AppContext, 'db' | 'masterKey' | 'now'>;
interface Sent {
	actor: Actor;
	practiceId: string;
	clientId: string;
	values: Record<string, string>;
	/** Where links in emails point. */
	baseUrl: string;
}

/**
 * The forms on the coach's page for one client: each turns what was sent into its use-case's
 * input and says where on the page the coach lands next (`?saved=…#part`). Refusals are thrown,
 * and the form action answers them.
 */
export const clientPageForms = {
	reply: async (ctx: Ctx, { actor, values, baseUrl }: Sent) => {
		const subjectId = values.subjectId ?? '';
		const subjectType = values.subjectType ?? '';
		await postReply(ctx, { actor, subjectType, subjectId, body: values.body ?? '', baseUrl });
		const to = encodeURIComponent(subjectId);
		return `?saved=reply&to=${to}#thread-${to}`;
	},
	addNote: async (ctx: Ctx, { values, ...target }: Sent) => {
		await addCoachNote(ctx, { ...target, body: values.body ?? '' });
		return '?saved=note#notes';
	},
	editNote: async (ctx: Ctx, { values, ...target }: Sent) => {
		const noteId = values.noteId ?? '';
		await editCoachNote(ctx, { ...target, noteId, body: values.body ?? '' });
		return `?saved=note-edited#note-${noteId}`;
	},
	deleteNote: async (ctx: Ctx, { values, ...target }: Sent) => {
		await deleteCoachNote(ctx, { ...target, noteId: values.noteId ?? '' });
		return '?saved=note-deleted#notes';
	},
	schedule: async (ctx: Ctx, { values, ...target }: Sent) => {
		await scheduleReassessment(ctx, { ...target, dueOn: values.dueOn ?? '' });
		return '?saved=reassessment#reassessment';
	},
	cancelReassessment: async (ctx: Ctx, { values, ...target }: Sent) => {
		const reassessmentId = values.reassessmentId ?? '';
		await cancelReassessment(ctx, { ...target, reassessmentId });
		return '?saved=reassessment-cancelled#reassessment';
	},
	suggestFeedback: async (ctx: Ctx, { actor, practiceId, clientId, baseUrl }: Sent) => {
		await suggestRound(ctx, { actor, practiceId, clientId, baseUrl });
		return '?saved=feedback-suggested#others-view';
	}
};

export type ClientPageForm = keyof typeof clientPageForms;
