import {
	answerLabels,
	assessmentPages,
	type PageLine
} from '../../content/instrument/instrument.ts';
import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { assessmentFor } from './access.ts';
import { markPageShown } from './repository.ts';

export interface AssessmentPageView {
	id: string;
	page: number;
	pageCount: number;
	lines: PageLine[];
	/** The number of this page's first line, counting from 1 across the whole assessment. */
	firstNumber: number;
	answers: Record<string, number>;
	labels: { value: number; label: string }[];
	completed: boolean;
	/** Where the person should be when they asked for a page they cannot open yet. */
	redirectTo: number | null;
}

export const selfPages = assessmentPages({ perspective: 'self' });

export async function getAssessmentPage(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: { actor: Actor; assessmentId: string; page: number }
): Promise<AssessmentPageView> {
	const row = await assessmentFor(ctx.db, input.actor, input.assessmentId, 'assessment.take');
	const pageCount = selfPages.length;
	const completed = row.completed_at !== null;
	const valid = Number.isInteger(input.page) && input.page >= 0 && input.page < pageCount;
	// Pages ahead of the first unsaved one cannot be opened: answers are saved in order.
	const redirectTo = completed ? null : !valid || input.page > row.next_page ? row.next_page : null;
	const page = redirectTo ?? (valid ? input.page : 0);
	if (!completed && redirectTo === null && page === row.next_page) {
		await markPageShown(ctx.db, row.id, ctx.now().toISOString());
	}
	return {
		id: row.id,
		page,
		pageCount,
		lines: selfPages[page] ?? [],
		firstNumber: selfPages.slice(0, page).reduce((n, p) => n + p.length, 0) + 1,
		answers: JSON.parse(row.answers),
		labels: answerLabels('self'),
		completed,
		redirectTo
	};
}
