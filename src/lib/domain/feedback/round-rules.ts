import { DOMAINS, DOMAIN_NAMES, type DomainCode } from '../../content/instrument/codes.ts';
import { addDays, isIsoDate, type IsoDate } from '../actions/dates.ts';
import { mailboxOf } from '../mailbox.ts';
import { GREETING_NAME_PROBLEM, greetingNameProblem } from '../schemas/greeting-name.ts';

/** Limits on asking people (issue 11): a round can't be turned into a way to mail strangers. */
export const MAX_RATERS_PER_DOMAIN = 8;
export const SUGGESTED_RATERS_PER_DOMAIN = 3;
export const MAX_ROUNDS_PER_30_DAYS = 2;
export const ROUND_WINDOW_DAYS = 30;
/** Requests one client may send in 24 hours, and one address may receive from anyone. */
export const MAX_REQUESTS_PER_CLIENT_PER_DAY = 24;
export const MAX_REQUESTS_PER_ADDRESS_PER_DAY = 3;
export const DEFAULT_ROUND_DAYS = 14;
export const MAX_ROUND_DAYS = 60;

export interface RaterInput {
	domain: DomainCode;
	name: string;
	email: string;
}

/** The form's field names for row `index` of a domain. */
export const raterField = (domain: DomainCode, index: number, part: 'name' | 'email') =>
	`${domain}-${index}-${part}`;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type RoundInput =
	| { ok: true; raters: RaterInput[]; closesOn: IsoDate }
	| { ok: false; fields: Record<string, string>; message: string };

/**
 * Reads the people and the closing day from the new-round form. Blank rows are skipped. Each
 * problem is named beside its field: the client's own address, an address given twice (one
 * person answers for one domain only), a name without an address, a closing day out of range.
 */
export function readRoundInput(
	values: Record<string, string>,
	context: { ownEmail: string; today: IsoDate; optedOut: ReadonlySet<string> }
): RoundInput {
	const fields: Record<string, string> = {};
	const raters: RaterInput[] = [];
	const seen = new Map<string, DomainCode>();
	for (const domain of DOMAINS) {
		for (let index = 0; index < MAX_RATERS_PER_DOMAIN; index++) {
			const nameField = raterField(domain, index, 'name');
			const emailField = raterField(domain, index, 'email');
			const name = (values[nameField] ?? '').trim();
			const email = (values[emailField] ?? '').trim().toLowerCase();
			if (!name && !email) continue;
			if (!name) fields[nameField] = 'Add their name, so the email can greet them.';
			else if (name.length > 80) fields[nameField] = 'Keep the name to 80 characters.';
			else if (greetingNameProblem(name)) fields[nameField] = GREETING_NAME_PROBLEM;
			// The same mailbox however it is written (case, "+tag", a trailing dot): one person.
			const mailbox = mailboxOf(email);
			if (!email) fields[emailField] = `Add an email address for ${name}.`;
			else if (email.length > 254)
				fields[emailField] =
					`That address is ${email.length} characters; an address has at most 254.`;
			else if (!EMAIL.test(email))
				fields[emailField] = 'Enter an email address like name@example.com.';
			else if (mailbox === mailboxOf(context.ownEmail))
				fields[emailField] =
					'That is your own address. Others answer here; your own view is your assessment.';
			else if (seen.has(mailbox))
				fields[emailField] =
					seen.get(mailbox) === domain
						? 'You entered this address twice in this group. Each person answers once.'
						: `This address is already under ${DOMAIN_NAMES[seen.get(mailbox)!]}. One person answers for one group.`;
			else if (context.optedOut.has(email))
				fields[emailField] =
					'The person at this address asked Midpoint not to send them requests. Please ask someone else.';
			if (email) seen.set(mailbox, seen.get(mailbox) ?? domain);
			if (!fields[nameField] && !fields[emailField]) raters.push({ domain, name, email });
		}
	}
	const closesOn = (values.closesOn ?? '').trim();
	const closeProblem = closingDayProblem(closesOn, context.today);
	if (closeProblem) fields.closesOn = closeProblem;
	if (Object.keys(fields).length > 0)
		return { ok: false, fields, message: 'Please check the highlighted fields.' };
	if (raters.length === 0)
		return {
			ok: false,
			fields: {},
			message: 'Add at least one person to ask. Three or more in a group lets their answers show.'
		};
	return { ok: true, raters, closesOn: closesOn as IsoDate };
}

/** A closing day: after today and within MAX_ROUND_DAYS of it. */
export function closingDayProblem(value: string, today: IsoDate): string | null {
	if (!value) return 'Pick the day the round closes.';
	if (!isIsoDate(value)) return 'Enter the date as year-month-day, for example 2026-12-03.';
	if (value <= today) return 'Pick a day after today.';
	if (value > addDays(today, MAX_ROUND_DAYS))
		return `Pick a day within ${MAX_ROUND_DAYS} days: answers are freshest soon after you ask.`;
	return null;
}

/** The end of the closing day, in UTC: a round closing on 12-03 takes answers all that day. */
export function closingInstant(closesOn: IsoDate): string {
	return `${addDays(closesOn, 1)}T00:00:00.000Z`;
}

/** The closing day shown to people, from the stored closing instant. */
export function closingDay(closesAt: string): IsoDate {
	return addDays(closesAt.slice(0, 10), -1);
}

/**
 * The day a round closed: its planned closing day, or the day it was closed early. (The stored
 * closing instant is the midnight after the closing day; a round closed early closed on the day
 * of its closing time itself.)
 */
export function closedOn(round: { closes_at: string; closed_at: string | null }): IsoDate {
	if (round.closed_at !== null && round.closed_at < round.closes_at)
		return round.closed_at.slice(0, 10);
	return closingDay(round.closes_at);
}
