import { z } from 'zod';

/**
 * The JSON file in a person's export (`midpoint-export.json`), version 1 (`enrolments` was added
 * later, which by the rule below keeps the version). docs/export-format.md
 * describes each field for people reading it; this schema is what the tests hold the file to.
 * A change that removes or renames a field raises `version`; adding a field does not.
 */
export const PERSON_EXPORT_VERSION = 1;

const isoTime = z.iso.datetime({ offset: true });
const isoDay = z.iso.date();
const domainCode = z.enum(['FAM', 'FRI', 'TEAM']);
const position = z.number().min(-100).max(100).nullable();

const result = z.strictObject({
	id: z.string(),
	completedAt: isoTime,
	instrumentVersion: z.string(),
	position,
	balance: z.number().min(0).max(100).nullable(),
	zone: z.string().nullable(),
	domains: z.record(
		domainCode,
		z.strictObject({ position, balance: z.number().nullable(), zone: z.string().nullable() })
	),
	/** Item id → the answer given, 1 to 5. */
	answers: z.record(z.string(), z.number().int().min(1).max(5)),
	/** Path of this result's PDF inside the ZIP. */
	pdf: z.string()
});

const journalEntry = z.strictObject({
	id: z.string(),
	step: z.string(),
	promptId: z.string(),
	text: z.string(),
	domains: z.array(z.string()),
	disciplines: z.array(z.string()),
	sharedWithCoachAt: isoTime.nullable(),
	createdAt: isoTime,
	updatedAt: isoTime
});

const action = z.strictObject({
	id: z.string(),
	what: z.string(),
	withName: z.string(),
	withEmail: z.string().nullable(),
	domain: domainCode,
	kind: z.string(),
	discipline: z.string(),
	schedule: z.string(),
	createdAt: isoTime,
	closedAt: isoTime.nullable()
});

const reportBack = z.strictObject({
	actionId: z.string(),
	occurrence: isoDay,
	skipped: z.boolean(),
	outcome: z.string().nullable(),
	happened: z.string().nullable(),
	mutuality: z.number().nullable(),
	compared: z.string().nullable(),
	measure: z.number().nullable(),
	measureLabel: z.string().nullable(),
	note: z.string().nullable(),
	updatedAt: isoTime
});

const otherPersonAnswer = z.strictObject({
	actionId: z.string(),
	sentTo: z.string(),
	sentAt: isoTime,
	answeredAt: isoTime.nullable(),
	happened: z.string().nullable(),
	mutuality: z.number().nullable(),
	comment: z.string().nullable()
});

const reply = z.strictObject({
	id: z.string(),
	on: z.enum(['entry', 'report']),
	subjectId: z.string(),
	byYou: z.boolean(),
	text: z.string(),
	createdAt: isoTime
});

/** Raters' answers appear only pooled, as the feedback pages show them (pooling.ts). */
const raterRound = z.strictObject({
	id: z.string(),
	openedOn: isoDay,
	closesOn: isoDay,
	closed: z.boolean(),
	sharedWithCoach: z.boolean(),
	groups: z.array(
		z.strictObject({
			domain: domainCode,
			asked: z.number().int().min(0),
			shown: z.enum(['open', 'not-enough', 'released']),
			raters: z.number().int().nullable(),
			othersMean: position,
			bandLow: position,
			bandHigh: position,
			yourPosition: position
		})
	),
	comments: z.array(z.string()).nullable()
});

/** A program followed (decision 0038): where it stood, and each step done with how and when. */
const enrolment = z.strictObject({
	id: z.string(),
	program: z.string(),
	/** The version followed; null for the built-in program, which has none. */
	version: z.number().int().positive().nullable(),
	startedAt: isoTime,
	status: z.enum(['active', 'paused', 'ended']),
	pausedAt: isoTime.nullable(),
	endedAt: isoTime.nullable(),
	stepsDone: z.array(
		z.strictObject({
			stepId: z.string(),
			/** Null when a newer version moved to took the step out. */
			title: z.string().nullable(),
			kind: z.string().nullable(),
			doneAt: isoTime,
			how: z.enum(['done', 'moved-on', 'skipped']),
			/** A check-in question's answer, as sent to the coach. */
			answer: z.string().nullable()
		})
	)
});

/** One of the person's own team check-ins: their answers only, never the team's pooled map. */
const teamCheckIn = z.strictObject({
	team: z.string(),
	checkIn: z.number().int().positive(),
	closesAt: isoTime,
	savedAt: isoTime,
	/** Null for a check-in started and not finished. */
	completedAt: isoTime.nullable(),
	yourPosition: position,
	teamPosition: position,
	aboutTeammates: z.array(
		z.strictObject({ teammate: z.string(), question: z.string(), answer: z.string() })
	)
});

/** A coach's private note on a client, in clear. */
const coachNote = z.strictObject({
	client: z.string(),
	text: z.string(),
	createdAt: isoTime,
	updatedAt: isoTime
});

export const personExportSchema = z.strictObject({
	format: z.literal('midpoint-person-export'),
	version: z.literal(PERSON_EXPORT_VERSION),
	exportedAt: isoTime,
	person: z.strictObject({
		id: z.string(),
		name: z.string(),
		email: z.string(),
		kind: z.enum(['coach', 'client']),
		createdAt: isoTime
	}),
	results: z.array(result),
	journal: z.array(journalEntry),
	actions: z.array(action),
	reportBacks: z.array(reportBack),
	otherPersonAnswers: z.array(otherPersonAnswer),
	replies: z.array(reply),
	raterRounds: z.array(raterRound),
	enrolments: z.array(enrolment),
	teamCheckIns: z.array(teamCheckIn),
	coachNotes: z.array(coachNote)
});

export type PersonExport = z.infer<typeof personExportSchema>;
