import { examineVariantFor, promptsFor, type ExamineVariant } from '$lib/content/program/lean';
import { reflectionSteps } from '$lib/content/program/reflection';
import { listAssessmentHistory } from '$lib/server/assessments/list-assessment-history';
import { listJournalEntries } from '$lib/server/journal/list-journal-entries';
import { listUnreadReplies } from '$lib/server/replies/list-unread-replies';
import type { PageServerLoad } from './$types';

// No client: nothing on the list needs one (decisions 0023, 0040).
export const csr = false;

export const load: PageServerLoad = async ({ locals, url }) => {
	const { actor } = locals.signedIn!;
	const history = await listAssessmentHistory(locals.ctx, { actor, userId: actor.userId });
	const latest = history.entries.at(-1)?.score ?? null;
	const suggested = examineVariantFor(latest);
	const picked = url.searchParams.get('lean');
	const variant: ExamineVariant | null =
		picked === 'independent' || picked === 'dependent'
			? picked
			: suggested === 'choose'
				? null
				: suggested;
	const entries = await listJournalEntries(locals.ctx, { actor });
	const unread = await listUnreadReplies(locals.ctx, { actor });
	return {
		latestPosition: latest?.position ?? null,
		suggested,
		variant,
		steps: reflectionSteps.map((step) => ({
			id: step.id,
			number: step.number,
			title: step.title,
			intro: step.intro,
			prompts: variant || step.id !== 'examine' ? promptsFor(step, variant ?? 'independent') : []
		})),
		entries: entries.map((e) => ({
			id: e.id,
			step: e.step,
			promptId: e.promptId,
			excerpt: e.body.length > 140 ? e.body.slice(0, 140) + '…' : e.body,
			shared: e.sharedAt !== null,
			newReplies: unread.entries[e.id] ?? 0,
			updatedAt: e.updatedAt
		}))
	};
};
