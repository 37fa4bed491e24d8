import { z } from 'zod';
import { DOMAINS } from '../instrument/codes.ts';
import { DISCIPLINES, findPrompt } from '../program/reflection.ts';
import { ACTION_KINDS, COMPARISONS, OUTCOMES } from '../../domain/actions/kinds.ts';

/**
 * The shape of a demo person's history, one JSON file per person beside this module. Every
 * moment is given in days before the day the demo is seeded (1 = yesterday), so the practice
 * looks lived-in whenever it is made; nothing happens on the day itself, so every event is safely
 * in the past whatever the hour. Objects are strict: a misspelt key is an error, not a silently
 * missing event. Rules that need the seeded clock (a reply after what it answers, a closing after
 * the last report-back) are checked by the seeding itself.
 */

/** Days back from the day the demo is seeded: 1 is yesterday. */
const daysAgo = z.int().min(1, 'must be at least 1: every moment is in the past');
const text = z.string().trim().min(1);
const scaleLevel = z.number().min(1).max(5);

export const demoReplySchema = z.strictObject({
	daysAgo,
	from: z.enum(['coach', 'client']),
	body: text
});
export type DemoReply = z.infer<typeof demoReplySchema>;

const leanSchema = z.strictObject({ DEP: scaleLevel, IND: scaleLevel, MUT: scaleLevel });
export type DemoLean = z.infer<typeof leanSchema>;

/** How strongly the person endorses each scale (1–5, halves allowed), and where a domain differs. */
export const demoResultSchema = z.strictObject({
	daysAgo,
	lean: leanSchema,
	domains: z.partialRecord(z.enum(DOMAINS), leanSchema.partial()).optional()
});
export type DemoResult = z.infer<typeof demoResultSchema>;
export type DemoAnswers = Pick<DemoResult, 'lean' | 'domains'>;

export const demoEntrySchema = z
	.strictObject({
		daysAgo,
		step: z.enum(['locate', 'examine', 'resonate', 'commit', 'report']),
		promptId: z.string(),
		body: text,
		domains: z.array(z.enum(DOMAINS)),
		disciplines: z.array(z.enum(DISCIPLINES)),
		/** Shared with the coach that many days ago (the same day as written: straight away); absent: private. */
		sharedDaysAgo: daysAgo.optional(),
		replies: z.array(demoReplySchema).optional()
	})
	.superRefine((entry, ctx) => {
		if (!findPrompt(entry.step, entry.promptId))
			ctx.addIssue({
				code: 'custom',
				path: ['promptId'],
				message: `not a prompt of ${entry.step}`
			});
		if (entry.sharedDaysAgo === undefined && entry.replies?.length)
			ctx.addIssue({
				code: 'custom',
				path: ['replies'],
				message: 'a private entry has no replies'
			});
		if (entry.sharedDaysAgo !== undefined && entry.sharedDaysAgo > entry.daysAgo)
			ctx.addIssue({
				code: 'custom',
				path: ['sharedDaysAgo'],
				message: 'an entry is shared before it is written'
			});
	});
export type DemoEntry = z.infer<typeof demoEntrySchema>;

export const demoReportSchema = z.strictObject({
	outcome: z.enum(OUTCOMES),
	happened: text.optional(),
	mutuality: z.int().min(1).max(5).optional(),
	compared: z.enum(COMPARISONS).optional(),
	measure: z.strictObject({ value: z.number().nonnegative(), label: text }).optional(),
	note: text.optional(),
	/** Days after the occurrence the report was written (0–6; default 0, that evening). */
	lateBy: z.int().min(0).max(6, 'a report-back comes 0 to 6 days late').optional(),
	replies: z.array(demoReplySchema).optional()
});
export type DemoReport = z.infer<typeof demoReportSchema>;

/** One week of a rhythm: a report-back, a skipped week, or a week let pass without a word. */
const demoWeekSchema = z.union(
	[z.enum(['skip', 'miss']), demoReportSchema],
	'a week is "skip", "miss" or a report-back such as {"outcome": "done"} with known keys'
);
export type DemoWeek = z.infer<typeof demoWeekSchema>;

/**
 * An action is either a weekly rhythm or a one-off (exactly one of `weekly` and `once`).
 *
 * A weekly rhythm is described by its weeks in order: the last one fell `lastDaysAgo` days ago,
 * and the action was committed to `leadDays` (default 2) before the first. A one-off was due
 * `dueDaysAgo` days ago (negative: still ahead), reported on or not.
 */
export const demoActionSchema = z
	.strictObject({
		what: text,
		withName: text,
		withEmail: z.email().optional(),
		domain: z.enum(DOMAINS),
		kind: z.enum(ACTION_KINDS),
		discipline: z.enum(DISCIPLINES),
		/** Closed (done with) that many days ago; absent: still open. */
		closedDaysAgo: daysAgo.optional(),
		weekly: z
			.strictObject({
				lastDaysAgo: daysAgo,
				weeks: z.array(demoWeekSchema).min(1),
				leadDays: z.int().min(1).max(7, 'a rhythm starts 1 to 7 days after it is made').optional(),
				/** Paused that many days ago, until that many days from now. */
				pause: z.strictObject({ daysAgo, untilDaysAhead: z.int().min(1) }).optional()
			})
			.optional(),
		once: z
			.strictObject({
				createdDaysAgo: daysAgo,
				dueDaysAgo: z.int(),
				report: demoReportSchema.optional()
			})
			.optional()
	})
	.superRefine((action, ctx) => {
		if (!action.weekly === !action.once)
			ctx.addIssue({ code: 'custom', message: 'give either "weekly" or "once", not both' });
		// Without a pause or a closing, a week after the last one would be owed by now.
		if (action.weekly && action.closedDaysAgo === undefined && !action.weekly.pause)
			if (action.weekly.lastDaysAgo > 6)
				ctx.addIssue({
					code: 'custom',
					path: ['weekly', 'lastDaysAgo'],
					message: `an open rhythm's last week must be within the last 6 days ("${action.what}")`
				});
	});
export type DemoAction = z.infer<typeof demoActionSchema>;

const personShape = {
	name: text,
	email: z.email(),
	/** When the account was made (for a client of the coach's: when they were brought in). */
	joinedDaysAgo: daysAgo,
	results: z.array(demoResultSchema),
	entries: z.array(demoEntrySchema),
	actions: z.array(demoActionSchema)
};

export const demoPersonSchema = z.strictObject(personShape);
export type DemoPerson = z.infer<typeof demoPersonSchema>;

export const demoClientSchema = z.strictObject({
	...personShape,
	/** When the coach last opened this client: anything shared or reported since shows as new. */
	coachSeenDaysAgo: daysAgo,
	/** The coach's private notes on this client. */
	notes: z.array(z.strictObject({ daysAgo, body: text })).optional(),
	/** A retake the coach asked for. */
	reassessment: z.strictObject({ daysAgo, dueInDays: z.int().min(0) }).optional()
});
export type DemoClient = z.infer<typeof demoClientSchema>;

export const demoPracticeSchema = z.strictObject({
	name: text,
	coach: z.strictObject({ name: text, email: z.email(), joinedDaysAgo: daysAgo })
});
export type DemoPractice = z.infer<typeof demoPracticeSchema>;

/** Parses one demo file, turning zod issues into one readable error that names the file. */
export function parseDemoFile<T>(schema: z.ZodType<T>, data: unknown, file: string): T {
	const result = schema.safeParse(data);
	if (result.success) return result.data;
	const details = result.error.issues
		.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`)
		.join('\n');
	throw new Error(`The demo file ${file} is invalid:\n${details}`);
}
