import { scoreAssessment } from '../../domain/scoring/score-assessment.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { assessmentFor } from './access.ts';
import { selfPages } from './get-assessment-page.ts';
import { findAssessment, savePage } from './repository.ts';
import { refreshClientSummary, touchClientActivity } from '../roster/refresh-client-summary.ts';
import { completeReassessments } from '../reassessments/complete-reassessments.ts';
import { normsForClient } from '../practice-norms/norms-for-scoring.ts';
import { advanceProgram } from '../programs/detect-steps.ts';

export type SaveOutcome = { next: { page: number } } | { completed: true };

interface PageTiming {
	page: number;
	itemCount: number;
	ms: number;
}

/**
 * Saves one page of answers. Lines left blank are pointed out first; a second submit with
 * `confirmSkip` leaves them blank on purpose. Re-submitting a page already saved (a double click,
 * a stale tab, the back button) updates its answers and never moves the person backwards.
 */
export async function saveAssessmentPage(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: {
		actor: Actor;
		assessmentId: string;
		page: number;
		answers: Record<string, string>;
		confirmSkip: boolean;
	}
): Promise<SaveOutcome> {
	const row = await assessmentFor(ctx.db, input.actor, input.assessmentId, 'assessment.take');
	if (row.completed_at) return { completed: true };
	const lines = selfPages[input.page];
	if (!lines) throw new DomainError('not_found', 'That page of the assessment does not exist.');
	if (input.page > row.next_page) return { next: { page: row.next_page } };

	const given: Record<string, number> = {};
	const fields: Record<string, string> = {};
	const blank: string[] = [];
	for (const line of lines) {
		const raw = input.answers[line.id]?.trim() ?? '';
		if (raw === '') blank.push(line.id);
		else if (/^[1-5]$/.test(raw)) given[line.id] = Number(raw);
		else fields[line.id] = 'Choose one of the five answers.';
	}
	if (Object.keys(fields).length) {
		throw new DomainError(
			'invalid_input',
			'One answer was not one of the five choices. Please choose again.',
			{ fields }
		);
	}
	if (blank.length && !input.confirmSkip) {
		const n = blank.length;
		throw new DomainError(
			'invalid_input',
			`You left ${n} line${n === 1 ? '' : 's'} blank. Answer ${n === 1 ? 'it' : 'them'}, or press Save and continue again to leave ${n === 1 ? 'it' : 'them'} blank.`,
			{ fields: Object.fromEntries(blank.map((id) => [id, 'Not answered yet.'])) }
		);
	}

	const now = ctx.now();
	const answers: Record<string, number> = { ...JSON.parse(row.answers), ...given };
	for (const id of blank) delete answers[id];
	const timings: PageTiming[] = JSON.parse(row.page_timings);
	const firstSave = input.page === row.next_page;
	if (firstSave) {
		const shown = row.page_shown_at ? new Date(row.page_shown_at).getTime() : now.getTime();
		timings.push({
			page: input.page,
			itemCount: lines.length,
			ms: Math.max(0, now.getTime() - shown)
		});
	}
	const nextPage = firstSave ? row.next_page + 1 : row.next_page;
	const finished = nextPage >= selfPages.length;
	// Scored once, with the norms the person's practice has in force now (issue 15).
	const score = finished
		? scoreAssessment(answers, {
				pageTimings: timings,
				attentionPresented: true,
				norms: await normsForClient(ctx.db, row.user_id)
			})
		: null;
	const at = now.toISOString();
	const saved = await savePage(ctx.db, row.id, row.next_page, {
		answers: JSON.stringify(answers),
		page_timings: JSON.stringify(timings),
		next_page: nextPage,
		updated_at: at,
		page_shown_at: null,
		...(score
			? {
					completed_at: at,
					result: JSON.stringify(score),
					position: score.position,
					balance: score.balance,
					flagged_at: score.flags.length ? at : null
				}
			: {})
	});
	if (!saved) {
		// Another request saved this page first: follow where it left the assessment.
		const latest = await findAssessment(ctx.db, row.id);
		return latest?.completed_at ? { completed: true } : { next: { page: latest?.next_page ?? 0 } };
	}
	// A retake the coach asked for is done once an assessment is finished after the request.
	if (score) await completeReassessments(ctx, { clientId: row.user_id });
	// So is a program's assessment step open for them now (decision 0038).
	if (score)
		await advanceProgram(ctx, { userId: row.user_id, event: { kind: 'assessment' }, at: now });
	if (score) await refreshClientSummary(ctx, row.user_id);
	else await touchClientActivity(ctx, row.user_id);
	return finished ? { completed: true } : { next: { page: firstSave ? nextPage : input.page + 1 } };
}
