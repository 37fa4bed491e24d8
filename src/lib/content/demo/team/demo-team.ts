import { z } from 'zod';
import { parseDemoFile } from '../schema.ts';
import team from './harbour-operations.json' with { type: 'json' };

/**
 * The demo practice's team (issue 12 §8): eight colleagues Rosa runs as a team, two check-ins
 * weeks apart. In the newest one Gus is the bottleneck (the two halves of the office reach each
 * other through him) and Hal has no ties at all; the first one had two people without ties
 * (Cyrus and Hal). Positions are each person's overall and work-team position, per round.
 */
const position = z.number().min(-100).max(100);
const demoTeamSchema = z
	.strictObject({
		name: z.string().min(1),
		description: z.string(),
		createdDaysAgo: z.number().int().positive(),
		lead: z.string(),
		rounds: z
			.array(
				z.strictObject({
					openedDaysAgo: z.number().int().positive(),
					closedDaysAgo: z.number().int().positive()
				})
			)
			.min(1),
		members: z
			.array(
				z.strictObject({
					name: z.string().min(1),
					email: z.email(),
					showDot: z.boolean(),
					positions: z.array(z.tuple([position, position])),
					reliesOn: z.array(z.array(z.string()))
				})
			)
			.min(4)
	})
	.superRefine((t, issue) => {
		const names = new Set(t.members.map((m) => m.name));
		if (!names.has(t.lead))
			issue.addIssue({ code: 'custom', message: `lead ${t.lead} is not a member` });
		for (const m of t.members) {
			if (m.positions.length !== t.rounds.length || m.reliesOn.length !== t.rounds.length)
				issue.addIssue({ code: 'custom', message: `${m.name}: one entry per round` });
			for (const named of m.reliesOn.flat())
				if (!names.has(named) || named === m.name)
					issue.addIssue({
						code: 'custom',
						message: `${m.name} relies on ${named}, not a teammate`
					});
		}
	});

export const demoTeam = parseDemoFile(demoTeamSchema, team, 'team/harbour-operations.json');
export type DemoTeam = typeof demoTeam;
