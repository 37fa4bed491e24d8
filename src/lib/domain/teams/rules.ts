import { GREETING_NAME_PROBLEM, greetingNameProblem } from '../schemas/greeting-name.ts';
import { z } from 'zod';
import {
	RELIANCE_LEVELS,
	RELIANCE_QUESTIONS,
	type RelianceLevel,
	type RelianceQuestion
} from './reliance-ties.ts';

/**
 * The rules of teams (issue 12) that need no clock or database: what a team and an invitation
 * look like, who is enough for a map, and how a reliance survey is read.
 */

/** Fewer completed check-ins than this and there is no map: a few dots would name people. */
export const MAP_MIN_CHECK_INS = 4;
/** A check-in round needs someone to name: one member alone has no teammates. */
export const ROUND_MIN_MEMBERS = 2;
/** A team invitation works this long (the practice's invitations use the same span). */
export const TEAM_INVITATION_DAYS = 14;
/** A result taken up to this many days before a round opened still counts for its check-in. */
export const RESULT_FRESH_DAYS = 30;

// The survey's questions and levels are the network's own (reliance-ties.ts), named for the form.
export const QUESTIONS = RELIANCE_QUESTIONS;
export type Question = RelianceQuestion;
export const LEVELS = RELIANCE_LEVELS;
export type Level = RelianceLevel;

/** Each question as the member reads it, about one teammate. */
export const QUESTION_TEXT: Record<Question, string> = {
	help: 'I go to them for help',
	advice: 'I go to them for advice',
	'comes-to-me': 'They come to me for help'
};
export const LEVEL_TEXT: Record<Level, string> = {
	never: 'Never',
	sometimes: 'Sometimes',
	often: 'Often'
};

const email = z
	.string()
	.trim()
	.min(1, 'Enter their email address.')
	.max(254, 'This email address is too long.')
	.pipe(z.email('Enter an email address like name@example.com.'));

export const teamSchema = z.object({
	name: z
		.string()
		.trim()
		.min(1, 'Give the team a name.')
		.max(80, 'Use at most 80 characters for the name.'),
	description: z
		.string()
		.trim()
		.max(500, 'Use at most 500 characters for the description.')
		.optional()
		.default('')
});

export const teamInviteSchema = z.object({
	name: z
		.string()
		.trim()
		.min(1, 'Enter the name of the person you are inviting.')
		.max(100, 'Use at most 100 characters for the name.')
		.refine((name) => !greetingNameProblem(name), GREETING_NAME_PROBLEM),
	email
});

/** The form field for one answer: `tie:<teammate id>:<question>`. */
export function tieField(teammateId: string, question: Question): string {
	return `tie:${teammateId}:${question}`;
}

export interface SurveyAnswer {
	to: string;
	question: Question;
	level: Level;
}

export type SurveyReading =
	| { ok: true; answers: SurveyAnswer[] }
	| { ok: false; message: string; fields: Record<string, string> };

/**
 * Reads the survey fields sent by a member. Blank answers are simply not saved yet (the survey
 * saves as it goes); naming oneself, someone no longer on the team or an unknown level is refused
 * with the reason, and nothing of that form is saved.
 */
export function readSurvey(
	values: Record<string, string>,
	selfId: string,
	teammates: ReadonlyMap<string, string>,
	formerMembers: ReadonlyMap<string, string>
): SurveyReading {
	const answers: SurveyAnswer[] = [];
	const fields: Record<string, string> = {};
	let message: string | null = null;
	for (const [key, raw] of Object.entries(values)) {
		if (!key.startsWith('tie:')) continue;
		const [, to = '', question = ''] = key.split(':');
		const level = raw.trim();
		if (!level) continue;
		if (to === selfId) {
			message ??= 'You cannot name yourself: the survey is about the others in your team.';
			continue;
		}
		if (formerMembers.has(to)) {
			message ??= `${formerMembers.get(to)} is no longer in this team, so they cannot be named. Your other answers are as you left them.`;
			continue;
		}
		if (!teammates.has(to)) {
			message ??=
				'One of the people named is not in this team. Reload the page to see the team as it is now.';
			continue;
		}
		if (!(QUESTIONS as readonly string[]).includes(question)) {
			message ??= 'One of the questions was not recognised. Reload the page and try again.';
			continue;
		}
		if (!(LEVELS as readonly string[]).includes(level)) {
			fields[key] = 'Choose never, sometimes or often.';
			message ??= 'Choose never, sometimes or often for each answer you give.';
			continue;
		}
		answers.push({ to, question: question as Question, level: level as Level });
	}
	if (message) return { ok: false, message, fields };
	return { ok: true, answers };
}

/** Whether every teammate has an answer to every question: needed to finish a check-in. */
export function missingAnswers(
	answers: readonly SurveyAnswer[],
	teammateIds: readonly string[]
): number {
	const given = new Set(answers.map((a) => `${a.to}:${a.question}`));
	let missing = 0;
	for (const id of teammateIds) for (const q of QUESTIONS) if (!given.has(`${id}:${q}`)) missing++;
	return missing;
}

/**
 * The survey as reliance ties: "I go to them" (help or advice) at sometimes or often means the
 * member relies on them; "they come to me" means the teammate relies on the member. This is
 * the form the network is computed from.
 */
export function asRelianceAnswers(
	rows: readonly { from: string; to: string; question: string; level: string }[]
): { from: string; to: string; question: Question; level: Level }[] {
	return rows.flatMap((r) =>
		(QUESTIONS as readonly string[]).includes(r.question) &&
		(LEVELS as readonly string[]).includes(r.level)
			? [{ from: r.from, to: r.to, question: r.question as Question, level: r.level as Level }]
			: []
	);
}
