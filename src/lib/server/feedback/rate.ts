import { DOMAIN_NAMES, type DomainCode } from '../../content/instrument/codes.ts';
import type { PageLine } from '../../content/instrument/instrument.ts';
import { DomainError } from '../../domain/errors.ts';
import {
	DECLINE_REASONS,
	raterPages,
	answeredOnPage,
	readRaterPage,
	type DeclineReason
} from '../../domain/feedback/rater-form.ts';
import { closingDay } from '../../domain/feedback/round-rules.ts';
import type { AppContext } from '../context.ts';
import { hashToken } from '../security/tokens.ts';
import { addressHash } from './open-round.ts';
import { insertOptOut } from './repository.ts';
import {
	declineRater,
	findRaterByTokenHash,
	saveRaterAnswers,
	type RaterRequest
} from './rater-repository.ts';

const problems = {
	missing: 'This link is not valid. It may have been copied only in part.',
	sent: 'Thank you: your answers were sent. They cannot be changed, and nothing more is needed.',
	declined:
		'You said no to this request, so there is nothing more to do. Thank you for letting us know.',
	closed: 'This round of feedback has closed, so it takes no more answers. Thank you all the same.'
};

async function findUsable(
	ctx: Pick<AppContext, 'db' | 'now'>,
	token: string
): Promise<RaterRequest> {
	const found = await findRaterByTokenHash(ctx.db, hashToken(token));
	if (!found) throw new DomainError('not_found', problems.missing);
	if (found.rater.status === 'sent') throw new DomainError('gone', problems.sent);
	if (found.rater.status === 'declined') throw new DomainError('gone', problems.declined);
	if (found.round.closed_at || found.round.closes_at <= ctx.now().toISOString())
		throw new DomainError('gone', problems.closed);
	return found;
}

export interface RaterFormView {
	clientName: string;
	raterName: string;
	domain: DomainCode;
	domainName: string;
	closesOn: string;
	page: number;
	pageCount: number;
	lines: PageLine[];
	/** Saved answers on this page: a point, or null for "I can't say". */
	saved: Record<string, number | null>;
	savedComment: string;
	declineReasons: typeof DECLINE_REASONS;
}

/** The page the rater asked for (or the first one not yet saved); what the client is called. */
export async function viewRaterForm(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: { token: string; page?: number }
): Promise<RaterFormView> {
	const { rater, round, clientName } = await findUsable(ctx, input.token);
	const pages = raterPages(rater.domain);
	const reachable = Math.min(rater.next_page, pages.length - 1);
	const page = Math.min(Math.max(0, input.page ?? reachable), reachable);
	const answers = JSON.parse(rater.answers) as Record<string, number | null>;
	const lines = pages[page]!;
	return {
		// First name only: the rater knows who asked; the link shares no more than that.
		clientName: clientName.split(' ')[0] ?? clientName,
		raterName: rater.name,
		domain: rater.domain,
		domainName: DOMAIN_NAMES[rater.domain],
		closesOn: closingDay(round.closes_at),
		page,
		pageCount: pages.length,
		lines,
		saved: Object.fromEntries(
			lines.filter((l) => l.id in answers).map((l) => [l.id, answers[l.id]!])
		),
		// Kept when the rater went back a page from the last one before sending.
		savedComment: rater.comment ?? '',
		declineReasons: DECLINE_REASONS
	};
}

/**
 * Saves one page; the last page also sends the form, after which nothing can change. The
 * status check and the write are one statement, so a double submit cannot send twice.
 */
export async function saveRaterPage(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: { token: string; page: number; values: Record<string, string>; back?: boolean }
): Promise<{ next: number } | { sent: true }> {
	const { rater } = await findUsable(ctx, input.token);
	const pages = raterPages(rater.domain);
	if (
		!Number.isInteger(input.page) ||
		input.page < 0 ||
		input.page > Math.min(rater.next_page, pages.length - 1)
	)
		throw new DomainError('invalid_input', 'Please answer the pages in order.');
	if (input.back && input.page > 0) return goBack(ctx, rater, pages[input.page]!, input);
	const parsed = readRaterPage(pages[input.page]!, input.values);
	if (!parsed.ok)
		throw new DomainError('invalid_input', 'Please answer each line.', { fields: parsed.fields });
	const last = input.page === pages.length - 1;
	const comment = commentOf(input.values) ?? '';
	const answers = { ...(JSON.parse(rater.answers) as object), ...parsed.answers };
	const saved = await saveRaterAnswers(ctx.db, rater.id, {
		answers: JSON.stringify(answers),
		nextPage: Math.max(rater.next_page, input.page + 1),
		...(last ? { comment: comment || null, send: true } : {})
	});
	if (!saved) throw new DomainError('gone', problems.sent);
	return last ? { sent: true } : { next: input.page + 1 };
}

/** The comment sent with a page (undefined where the page has none), refused over 600 characters. */
function commentOf(values: Record<string, string>): string | undefined {
	const comment = values.comment?.trim();
	if (comment !== undefined && comment.length > 600) {
		const message = 'Keep the comment to 600 characters.';
		throw new DomainError('invalid_input', message, { fields: { comment: message } });
	}
	return comment;
}

/**
 * Back a page before this one is finished: what was answered here (and the comment, on the last
 * page) is kept, so nothing typed is lost, and the form is not sent.
 */
async function goBack(
	ctx: Pick<AppContext, 'db'>,
	rater: { id: string; answers: string; next_page: number },
	lines: readonly PageLine[],
	input: { page: number; values: Record<string, string> }
): Promise<{ next: number }> {
	const comment = commentOf(input.values);
	const answers = {
		...(JSON.parse(rater.answers) as object),
		...answeredOnPage(lines, input.values)
	};
	const saved = await saveRaterAnswers(ctx.db, rater.id, {
		answers: JSON.stringify(answers),
		nextPage: rater.next_page,
		...(comment !== undefined ? { comment: comment || null } : {})
	});
	if (!saved) throw new DomainError('gone', problems.sent);
	return { next: input.page - 1 };
}

/** Says no; the reason is kept as a category only, and "don't email me again" blocks the address. */
export async function declineRequest(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: { token: string; values: Record<string, string> }
): Promise<void> {
	const { rater } = await findUsable(ctx, input.token);
	const reason = input.values.reason ?? '';
	if (reason && !(reason in DECLINE_REASONS)) {
		const message = 'Choose one of the reasons, or none.';
		throw new DomainError('invalid_input', message, { fields: { reason: message } });
	}
	if (!(await declineRater(ctx.db, rater.id, (reason as DeclineReason) || null)))
		throw new DomainError('gone', problems.sent);
	if (input.values.optOut === 'on')
		await insertOptOut(ctx.db, addressHash(rater.email), ctx.now().toISOString());
}
