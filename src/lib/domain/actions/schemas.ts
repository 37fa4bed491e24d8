import { GREETING_NAME_PROBLEM, greetingNameProblem } from '../schemas/greeting-name.ts';
import { z } from 'zod';
import { DOMAINS } from '../../content/instrument/codes.ts';
import { DISCIPLINES } from '../../content/program/reflection.ts';
import { dueDateProblem, pauseDateProblem } from '../chosen-days.ts';
import { isIsoDate, type IsoDate } from './dates.ts';
import {
	ACTION_KINDS,
	COMPARISONS,
	HAPPENED_MAX,
	NAME_MAX,
	NOTE_MAX,
	OUTCOMES,
	WHAT_MAX,
	type Weekday
} from './kinds.ts';

/**
 * The forms of actions and report-backs, as zod schemas over the raw form strings. Each error
 * names the field it belongs to, so the form comes back filled with a message beside that field.
 * Rules that depend on today's date take `today` (UTC, see dates.ts).
 */

/** An empty form field is "not given". */
const blank = (value: unknown) =>
	typeof value === 'string' && value.trim() === '' ? undefined : value;

export type ScheduleInput = { type: 'date'; dueOn: IsoDate } | { type: 'weekly'; weekday: Weekday };

const scheduleShape = {
	schedule: z.enum(['date', 'weekly'], 'Choose a date or a weekly rhythm.'),
	dueOn: z.string().trim().optional(),
	weekday: z.string().trim().optional()
};

/**
 * Cross-field rules run even when another field already failed, so one submit shows every
 * message at once (zod skips refinements after a failure unless told otherwise).
 */
const always = { when: () => true };

function refineSchedule(
	value: { schedule: 'date' | 'weekly'; dueOn?: string | undefined; weekday?: string | undefined },
	ctx: z.RefinementCtx,
	today: IsoDate
) {
	if (value.schedule === 'date') {
		const problem = dueDateProblem(value.dueOn, today);
		if (problem) ctx.addIssue({ code: 'custom', path: ['dueOn'], message: problem });
	} else if (value.schedule === 'weekly' && !/^[1-7]$/.test(value.weekday ?? '')) {
		ctx.addIssue({ code: 'custom', path: ['weekday'], message: 'Choose the day of the week.' });
	}
}

function toSchedule(value: {
	schedule: 'date' | 'weekly';
	dueOn?: string | undefined;
	weekday?: string | undefined;
}): ScheduleInput {
	return value.schedule === 'date'
		? { type: 'date', dueOn: value.dueOn! }
		: { type: 'weekly', weekday: Number(value.weekday) as Weekday };
}

export function newActionSchema(today: IsoDate) {
	return z
		.object({
			what: z
				.string('Say what you will do, in a few words.')
				.trim()
				.min(1, 'Say what you will do, in a few words.')
				.max(WHAT_MAX, `Keep it to ${WHAT_MAX} characters: one small, clear step.`),
			withName: z
				.string('Name the person you will do it with.')
				.trim()
				.min(1, 'Name the person you will do it with.')
				.max(NAME_MAX, `Use at most ${NAME_MAX} characters for the name.`)
				.refine((name) => !greetingNameProblem(name), GREETING_NAME_PROBLEM),
			withEmail: z.preprocess(
				blank,
				z
					.string()
					.trim()
					.max(254, 'This email address is too long.')
					.pipe(z.email('Enter an email address like name@example.com, or leave it empty.'))
					.optional()
			),
			domain: z.enum(DOMAINS, 'Choose where this happens: family, friends or work.'),
			kind: z.enum(ACTION_KINDS, 'Choose what kind of step this is.'),
			discipline: z.enum(DISCIPLINES, 'Choose the discipline this action practises.'),
			...scheduleShape,
			// A built-in idea's id, or a program's (up to 60 characters, domain/programs/schema.ts).
			suggestion: z.preprocess(blank, z.string().max(60).optional()),
			/** A key made when the form was shown, so a double submit makes one action, not two. */
			key: z.preprocess(blank, z.uuid().optional())
		})
		.superRefine((value, ctx) => refineSchedule(value, ctx, today), always)
		.transform((value) => ({
			what: value.what,
			withName: value.withName,
			withEmail: value.withEmail ?? null,
			domain: value.domain,
			kind: value.kind,
			discipline: value.discipline,
			schedule: toSchedule(value),
			suggestionId: value.suggestion ?? null,
			key: value.key ?? null
		}));
}
export type NewActionInput = z.infer<ReturnType<typeof newActionSchema>>;

export function rescheduleSchema(today: IsoDate) {
	return z
		.object(scheduleShape)
		.superRefine((value, ctx) => refineSchedule(value, ctx, today), always)
		.transform(toSchedule);
}

export function pauseSchema(today: IsoDate) {
	return z.object({
		pauseUntil: z
			.string('Pick the day your rhythm starts again.')
			.trim()
			.superRefine((value, ctx) => {
				const problem = pauseDateProblem(value, today);
				if (problem) ctx.addIssue({ code: 'custom', message: problem });
			})
	});
}

const optionalText = (max: number, message: string) =>
	z.preprocess(blank, z.string().trim().max(max, message).optional());

export const reportSchema = z
	.object({
		occurrence: z
			.string()
			.refine(isIsoDate, 'This report-back has no date. Open the action again.'),
		outcome: z.enum(OUTCOMES, 'Choose done, partly or not yet.'),
		happened: optionalText(
			HAPPENED_MAX,
			`Keep this to ${HAPPENED_MAX.toLocaleString('en-GB')} characters. Your text is still here.`
		),
		mutuality: z.preprocess(
			blank,
			z.enum(['1', '2', '3', '4', '5'], 'Choose a number from 1 to 5.').optional()
		),
		compared: z.preprocess(
			blank,
			z.enum(COMPARISONS, 'Choose better, the same or worse.').optional()
		),
		measure: z.preprocess(
			blank,
			z
				.string()
				.trim()
				.regex(/^\d{1,6}([.,]\d{1,2})?$/, 'Enter a number such as 20 or 2.5, or leave it empty.')
				.optional()
		),
		measureLabel: optionalText(60, 'Use at most 60 characters to say what the number counts.'),
		note: optionalText(
			NOTE_MAX,
			`Keep the note to ${NOTE_MAX.toLocaleString('en-GB')} characters. Your text is still here.`
		)
	})
	.superRefine((value, ctx) => {
		if (value.measure !== undefined && !value.measureLabel)
			ctx.addIssue({
				code: 'custom',
				path: ['measureLabel'],
				message: 'Say what the number counts, for example "minutes" or "times".'
			});
		if (value.measure === undefined && value.measureLabel)
			ctx.addIssue({
				code: 'custom',
				path: ['measure'],
				message: 'Enter the number, or clear what it counts.'
			});
	}, always)
	.transform((value) => ({
		occurrence: value.occurrence,
		outcome: value.outcome,
		happened: value.happened ?? null,
		mutuality: value.mutuality ? Number(value.mutuality) : null,
		compared: value.compared ?? null,
		measure: value.measure !== undefined ? Number(value.measure.replace(',', '.')) : null,
		measureLabel: value.measureLabel ?? null,
		note: value.note ?? null
	}));
export type ReportInput = z.infer<typeof reportSchema>;
