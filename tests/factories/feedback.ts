import type { DomainCode } from '../../src/lib/content/instrument/codes.ts';
import { CANT_SAY, raterPages } from '../../src/lib/domain/feedback/rater-form.ts';
import { raterField } from '../../src/lib/domain/feedback/round-rules.ts';
import { answerScoring } from '../../src/lib/domain/scoring/reverse-keying.ts';
import type { AppContext } from '../../src/lib/server/context.ts';
import { saveRaterPage } from '../../src/lib/server/feedback/rate.ts';
import { runDueJobs } from '../../src/lib/server/jobs/worker.ts';
import { listDevMailbox } from '../../src/lib/server/mail/mailer.ts';
import type { Actor } from '../../src/lib/domain/policies.ts';
import { buildClient, buildCoach } from './accounts.ts';
import type { Lean } from './assessments.ts';

/** New-round form values: `people[domain]` people named after the group, closing on `closesOn`. */
export function roundForm(
	people: Partial<Record<DomainCode, number>>,
	closesOn: string,
	tag = 'r'
): Record<string, string> {
	const values: Record<string, string> = { closesOn };
	for (const [domain, count] of Object.entries(people) as [DomainCode, number][]) {
		for (let i = 0; i < count; i++) {
			values[raterField(domain, i, 'name')] = `${domain} person ${i + 1}`;
			values[raterField(domain, i, 'email')] = `${tag}-${domain.toLowerCase()}${i + 1}@example.com`;
		}
	}
	return values;
}

/** Sends the queued email and returns each rater's newest link token, by address. */
export async function raterTokens(ctx: AppContext): Promise<Map<string, string>> {
	await runDueJobs(ctx);
	const tokens = new Map<string, string>();
	for (const mail of await listDevMailbox(ctx)) {
		const match = mail.text_body.match(/\/rate\/([A-Za-z0-9_-]{43})/);
		// The mailbox lists newest first: keep the first link seen for each address.
		if (match && !tokens.has(mail.to_address)) tokens.set(mail.to_address, match[1]!);
	}
	return tokens;
}

/** Answers a rater's whole form through the real use-case, from how they see the client. */
export async function answerAsRater(
	ctx: AppContext,
	input: {
		token: string;
		domain: DomainCode;
		lean: Lean;
		comment?: string;
		cantSay?: string[];
		/** The answer to the attention line; "4" (as asked) unless given. */
		attention?: string;
	}
): Promise<void> {
	const pages = raterPages(input.domain);
	for (let page = 0; page < pages.length; page++) {
		const values: Record<string, string> = {};
		for (const line of pages[page]!) {
			if (line.attention) values[line.id] = input.attention ?? '4';
			else if (input.cantSay?.includes(line.id)) values[line.id] = CANT_SAY;
			else {
				const scale = line.id.split('_')[1] as keyof Lean;
				values[line.id] = String(answerScoring(line.id, input.lean[scale]));
			}
		}
		if (page === pages.length - 1 && input.comment) values.comment = input.comment;
		await saveRaterPage(ctx, { token: input.token, page, values });
	}
}

/** A client of a coach, who opens rounds in the feedback tests: Leila Haddad. */
export async function feedbackClient(ctx: AppContext) {
	const coach = await buildCoach(ctx);
	const person = await buildClient(ctx, { coach, name: 'Leila Haddad' });
	const me: Actor = { userId: person.userId, practices: { [coach.practiceId]: ['client'] } };
	return { coach, person, me };
}
