import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { expectNotInSqliteFiles } from '../../../../tests/support/at-rest.ts';
import { buildCoachingCast, actorOf } from '../../../../tests/factories/workspace.ts';
import { getClientOverview } from '../practices/get-client-overview.ts';
import { addCoachNote } from './add-coach-note.ts';
import { deleteCoachNote } from './delete-coach-note.ts';
import { editCoachNote } from './edit-coach-note.ts';
import { listCoachNotes } from './list-coach-notes.ts';
import { NOTE_BODY_MAX } from './note-access.ts';

describe.each(testDialects())('private coach notes on %s', (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});

	it('lets the coach write, rewrite and delete notes, encrypted with the coach’s key', async () => {
		const cast = await buildCoachingCast(t.ctx);
		const target = {
			actor: cast.actors.coach,
			practiceId: cast.practiceId,
			clientId: cast.client.userId
		};
		const { id } = await addCoachNote(t.ctx, { ...target, body: 'Talks fast when anxious.' });
		t.clock.advance(60_000);
		await addCoachNote(t.ctx, { ...target, body: 'Ask about her sister next time.' });
		const stored = await t.ctx.db
			.selectFrom('coach_notes')
			.selectAll()
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		expect(stored.coach_id).toBe(cast.coach.userId);
		expect(stored.body).not.toContain('anxious');
		const coachKey = await t.ctx.db
			.selectFrom('midpoint_keys.person_keys')
			.select('key_id')
			.where('user_id', '=', cast.coach.userId)
			.executeTakeFirstOrThrow();
		expect(stored.body.split(':')[1]).toBe(coachKey.key_id);

		expect((await listCoachNotes(t.ctx, target)).map((n) => n.body)).toEqual([
			'Ask about her sister next time.',
			'Talks fast when anxious.'
		]);
		t.clock.advance(60_000);
		await editCoachNote(t.ctx, { ...target, noteId: id, body: 'Talks fast when unsure.' });
		const edited = (await listCoachNotes(t.ctx, target)).find((n) => n.id === id)!;
		expect(edited.body).toBe('Talks fast when unsure.');
		expect(edited.updatedAt > edited.createdAt).toBe(true);
		await deleteCoachNote(t.ctx, { ...target, noteId: id });
		expect((await listCoachNotes(t.ctx, target)).map((n) => n.body)).toEqual([
			'Ask about her sister next time.'
		]);
	});

	it('refuses an empty note and one over 10,000 characters, saving nothing', async () => {
		const cast = await buildCoachingCast(t.ctx);
		const target = {
			actor: cast.actors.coach,
			practiceId: cast.practiceId,
			clientId: cast.client.userId
		};
		for (const body of [' ', 'n'.repeat(NOTE_BODY_MAX + 1)]) {
			await expect(addCoachNote(t.ctx, { ...target, body })).rejects.toMatchObject({
				code: 'invalid_input',
				fields: { body: expect.any(String) }
			});
		}
		expect(await listCoachNotes(t.ctx, target)).toEqual([]);
	});

	it('never shows a note to the client, the admin, another coach or anyone outside', async () => {
		const cast = await buildCoachingCast(t.ctx);
		const where = { practiceId: cast.practiceId, clientId: cast.client.userId };
		const { id } = await addCoachNote(t.ctx, {
			actor: cast.actors.coach,
			...where,
			body: 'Seems tired of carrying the team.'
		});
		const everyone = { 'the client': cast.actors.client, ...cast.strangers };
		for (const [who, actor] of Object.entries(everyone)) {
			await expect(listCoachNotes(t.ctx, { actor, ...where }), who).rejects.toMatchObject({
				code: 'not_found'
			});
			await expect(addCoachNote(t.ctx, { actor, ...where, body: 'x' }), who).rejects.toMatchObject({
				code: 'not_found'
			});
			await expect(
				editCoachNote(t.ctx, { actor, ...where, noteId: id, body: 'x' }),
				who
			).rejects.toMatchObject({ code: 'not_found' });
			await expect(
				deleteCoachNote(t.ctx, { actor, ...where, noteId: id }),
				who
			).rejects.toMatchObject({ code: 'not_found' });
		}
		// The admin may open the client's page, and sees no note there.
		const adminView = await getClientOverview(t.ctx, { actor: cast.actors.admin, ...where });
		expect(adminView.notes).toBeNull();
		expect(JSON.stringify(adminView)).not.toContain('carrying the team');
		const [note] = await listCoachNotes(t.ctx, { actor: cast.actors.coach, ...where });
		expect(note?.body).toBe('Seems tired of carrying the team.');
	});

	it('keeps a former coach’s notes from the coach who takes over', async () => {
		const cast = await buildCoachingCast(t.ctx);
		const where = { practiceId: cast.practiceId, clientId: cast.client.userId };
		await addCoachNote(t.ctx, { actor: cast.actors.coach, ...where, body: 'Old observations.' });
		// The colleague becomes the client's coach.
		await t.ctx.db
			.updateTable('memberships')
			.set({ coach_id: cast.actors.colleague.userId })
			.where('user_id', '=', cast.client.userId)
			.execute();
		expect(await listCoachNotes(t.ctx, { actor: cast.actors.colleague, ...where })).toEqual([]);
		await expect(
			listCoachNotes(t.ctx, { actor: cast.actors.coach, ...where })
		).rejects.toMatchObject({ code: 'not_found' });
	});
});

describe('coach notes at rest in SQLite', () => {
	it('appear in no byte of the database file or its WAL', async () => {
		const t = await createTestContext('sqlite');
		try {
			const cast = await buildCoachingCast(t.ctx);
			const sentence = `The harbour pilot ${Date.now()} admitted he never asks the crew for help.`;
			const target = {
				actor: await actorOf(t.ctx, cast.coach.userId),
				practiceId: cast.practiceId,
				clientId: cast.client.userId
			};
			await addCoachNote(t.ctx, { ...target, body: sentence });
			expectNotInSqliteFiles(t.handle, sentence);
			expectNotInSqliteFiles(t.handle, 'harbour pilot');
			// …and yet the coach reads it.
			const [note] = await listCoachNotes(t.ctx, target);
			expect(note?.body).toBe(sentence);
		} finally {
			await t.dispose();
		}
	});
});
