import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCoach } from '../../../../tests/factories/accounts.ts';
import { buildTeam, checkInAs } from '../../../../tests/factories/teams.ts';
import { buildCoachingCast } from '../../../../tests/factories/workspace.ts';
import { exportOf } from '../../../../tests/support/person-export.ts';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { parseCsv } from '../../domain/csv/csv.ts';
import type { Actor } from '../../domain/policies.ts';
import { addCoachNote } from '../coach-notes/add-coach-note.ts';
import { openCheckInRound } from '../teams/rounds.ts';

const NOTE = '=HYPERLINK("x") She lights up when she talks about her brother.';

describe.each(testDialects())('team check-ins and coach notes in the export on %s', (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(() => t.dispose());

	const exported = (actor: Actor) => exportOf(t.ctx, actor);

	it("holds a member's own check-in answers, and none of a teammate's", async () => {
		const coach = await buildCoach(t.ctx, { name: 'Rosa Coach' });
		const { teamId, coachActor, members } = await buildTeam(
			t.ctx,
			coach,
			['Ana Ruiz', 'Ben Cole', 'Chen Wu'],
			'Harbour crew'
		);
		await openCheckInRound(t.ctx, { actor: coachActor, teamId, closesOn: '2026-12-10' });
		const [ana, ben, chen] = members as [
			(typeof members)[0],
			(typeof members)[0],
			(typeof members)[0]
		];
		const lean = { DEP: 2, IND: 4, MUT: 3 };
		const date = t.clock.now();
		await checkInAs(t.ctx, {
			teamId,
			member: ana,
			teammates: members,
			lean,
			reliesOn: ['Ben Cole'],
			date
		});
		await checkInAs(t.ctx, {
			teamId,
			member: chen,
			teammates: members,
			lean,
			reliesOn: ['Ana Ruiz'],
			date
		});

		const { text, data } = await exported(ana.actor);
		expect(data.teamCheckIns).toHaveLength(1);
		expect(data.teamCheckIns[0]).toMatchObject({ team: 'Harbour crew', checkIn: 1 });
		expect(data.teamCheckIns[0]!.completedAt).not.toBeNull();
		const said = data.teamCheckIns[0]!.aboutTeammates;
		expect(said.map((a) => a.teammate).sort()).toEqual([
			'Ben Cole',
			'Ben Cole',
			'Ben Cole',
			'Chen Wu',
			'Chen Wu',
			'Chen Wu'
		]);
		expect(said).toContainEqual({
			teammate: 'Ben Cole',
			question: 'I go to them for help',
			answer: expect.any(String)
		});
		// Chen's answers (about Ana among others) are Chen's, not Ana's: none is in her file.
		expect(said.map((a) => a.teammate)).not.toContain('Ana Ruiz');
		const rows = parseCsv(text('team-check-ins.csv'));
		expect(rows[0]).toEqual([
			'team',
			'check_in',
			'closes_at',
			'completed_at',
			'your_position',
			'team_position',
			'teammate',
			'question',
			'answer'
		]);
		expect(rows).toHaveLength(7);
		// Ben never checked in: his file has no check-in.
		expect((await exported(ben.actor)).data.teamCheckIns).toEqual([]);
	});

	it("holds a coach's private notes in plain text, safe in a spreadsheet, and a client's holds none", async () => {
		const cast = await buildCoachingCast(t.ctx);
		await addCoachNote(t.ctx, {
			actor: cast.actors.coach,
			practiceId: cast.practiceId,
			clientId: cast.client.userId,
			body: NOTE
		});
		const { text, data } = await exported(cast.actors.coach);
		expect(data.coachNotes).toEqual([
			{
				client: expect.any(String),
				text: NOTE,
				createdAt: expect.any(String),
				updatedAt: expect.any(String)
			}
		]);
		const rows = parseCsv(text('coach-notes.csv'));
		expect(rows[1]!.at(-1)).toBe(`'${NOTE}`);
		expect((await exported(cast.actors.client)).data.coachNotes).toEqual([]);
	});
});
