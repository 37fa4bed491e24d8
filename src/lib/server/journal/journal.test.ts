import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { buildClient, buildCoach } from '../../../../tests/factories/accounts.ts';
import type { Actor } from '../../domain/policies.ts';
import { saveJournalEntry } from './save-journal-entry.ts';
import { deleteJournalEntry } from './delete-journal-entry.ts';
import { getJournalEntry } from './get-journal-entry.ts';
import { listJournalEntries } from './list-journal-entries.ts';
import { setJournalEntrySharing } from './set-journal-entry-sharing.ts';
import { JOURNAL_BODY_MAX } from './entry-access.ts';

const actorOf = (userId: string, practices: Actor['practices'] = {}): Actor => ({
	userId,
	practices
});
const prompt = { step: 'examine', promptId: 'examine-independent-when' };

describe.each(testDialects())('the journal on %s', (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});

	it('keeps an entry encrypted at rest and gives it back to its writer', async () => {
		const client = await buildClient(t.ctx);
		const me = actorOf(client.userId);
		const { id } = await saveJournalEntry(t.ctx, {
			actor: me,
			...prompt,
			body: 'I fixed the boiler alone again.',
			domains: ['FAM', 'XX'],
			disciplines: ['self-awareness', 'nope']
		});
		const stored = await t.ctx.db
			.selectFrom('journal_entries')
			.select('body')
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		expect(stored.body).toMatch(/^v1:[0-9a-f]{12}:[\w-]+:[\w-]+:[\w-]+$/);
		expect(stored.body).not.toContain('boiler');
		const entry = await getJournalEntry(t.ctx, { actor: me, id });
		expect(entry).toMatchObject({
			body: 'I fixed the boiler alone again.',
			domains: ['FAM'],
			disciplines: ['self-awareness'],
			sharedAt: null
		});
	});

	it('refuses a too-long entry and an empty one, saving nothing', async () => {
		const client = await buildClient(t.ctx);
		const me = actorOf(client.userId);
		const long = 'a'.repeat(JOURNAL_BODY_MAX + 1);
		await expect(
			saveJournalEntry(t.ctx, { actor: me, ...prompt, body: long, domains: [], disciplines: [] })
		).rejects.toThrow('up to 20,000 characters; this one has 20,001');
		await expect(
			saveJournalEntry(t.ctx, { actor: me, ...prompt, body: '   ', domains: [], disciplines: [] })
		).rejects.toThrow('Write something first.');
		expect(await listJournalEntries(t.ctx, { actor: me })).toEqual([]);
	});

	it('updates by revision and tells a second tab that it is behind', async () => {
		const client = await buildClient(t.ctx);
		const me = actorOf(client.userId);
		const first = await saveJournalEntry(t.ctx, {
			actor: me,
			...prompt,
			body: 'Draft one',
			domains: [],
			disciplines: []
		});
		const second = await saveJournalEntry(t.ctx, {
			actor: me,
			...prompt,
			id: first.id,
			revision: first.revision,
			body: 'Draft two',
			domains: [],
			disciplines: []
		});
		expect(second.revision).toBe(2);
		await expect(
			saveJournalEntry(t.ctx, {
				actor: me,
				...prompt,
				id: first.id,
				revision: 1,
				body: 'From an old tab',
				domains: [],
				disciplines: []
			})
		).rejects.toThrow('changed in another tab');
		expect((await getJournalEntry(t.ctx, { actor: me, id: first.id })).body).toBe('Draft two');
	});

	it('refuses to share with a coach who is not there, and shares nothing', async () => {
		// Shared on one's own, an entry would go unasked to whichever coach one joins later.
		const me = actorOf((await buildClient(t.ctx)).userId);
		const entry = await saveJournalEntry(t.ctx, {
			actor: me,
			...prompt,
			body: 'On my own',
			domains: [],
			disciplines: []
		});
		await expect(
			setJournalEntrySharing(t.ctx, { actor: me, id: entry.id, shared: true })
		).rejects.toMatchObject({ code: 'conflict', message: /no coach to share with/ });
		expect((await getJournalEntry(t.ctx, { actor: me, id: entry.id })).sharedAt).toBeNull();
	});

	it('shares entry by entry and can take it back', async () => {
		const client = await buildClient(t.ctx, { coach: await buildCoach(t.ctx) });
		const me = actorOf(client.userId);
		const a = await saveJournalEntry(t.ctx, {
			actor: me,
			...prompt,
			body: 'To share',
			domains: [],
			disciplines: []
		});
		const b = await saveJournalEntry(t.ctx, {
			actor: me,
			...prompt,
			body: 'To keep',
			domains: [],
			disciplines: []
		});
		await setJournalEntrySharing(t.ctx, { actor: me, id: a.id, shared: true });
		const entries = await listJournalEntries(t.ctx, { actor: me });
		expect(entries.find((e) => e.id === a.id)?.sharedAt).not.toBeNull();
		expect(entries.find((e) => e.id === b.id)?.sharedAt).toBeNull();
		await setJournalEntrySharing(t.ctx, { actor: me, id: a.id, shared: false });
		expect((await getJournalEntry(t.ctx, { actor: me, id: a.id })).sharedAt).toBeNull();
		await deleteJournalEntry(t.ctx, { actor: me, id: b.id });
		expect((await listJournalEntries(t.ctx, { actor: me })).map((e) => e.id)).toEqual([a.id]);
	});

	it('answers anyone but the writer "not found", their coach included', async () => {
		const coach = await buildCoach(t.ctx);
		const client = await buildClient(t.ctx, { coach });
		const other = await buildClient(t.ctx, { coach });
		const { id } = await saveJournalEntry(t.ctx, {
			actor: actorOf(client.userId),
			...prompt,
			body: 'Mine alone',
			domains: [],
			disciplines: []
		});
		for (const actor of [
			actorOf(other.userId),
			actorOf(coach.userId, { [coach.practiceId]: ['admin', 'coach'] })
		]) {
			await expect(getJournalEntry(t.ctx, { actor, id })).rejects.toThrow('not yours');
			await expect(
				saveJournalEntry(t.ctx, {
					actor,
					...prompt,
					id,
					body: 'Overwritten',
					domains: [],
					disciplines: []
				})
			).rejects.toThrow('not yours');
			await expect(setJournalEntrySharing(t.ctx, { actor, id, shared: true })).rejects.toThrow(
				'not yours'
			);
			await expect(deleteJournalEntry(t.ctx, { actor, id })).rejects.toThrow('not yours');
			expect(await listJournalEntries(t.ctx, { actor })).toEqual([]);
		}
		expect((await getJournalEntry(t.ctx, { actor: actorOf(client.userId), id })).body).toBe(
			'Mine alone'
		);
	});

	it('cannot be read once moved to another row: the row id is bound into the ciphertext', async () => {
		const client = await buildClient(t.ctx);
		const me = actorOf(client.userId);
		const a = await saveJournalEntry(t.ctx, {
			actor: me,
			...prompt,
			body: 'Entry A',
			domains: [],
			disciplines: []
		});
		const b = await saveJournalEntry(t.ctx, {
			actor: me,
			...prompt,
			body: 'Entry B',
			domains: [],
			disciplines: []
		});
		const stolen = await t.ctx.db
			.selectFrom('journal_entries')
			.select('body')
			.where('id', '=', a.id)
			.executeTakeFirstOrThrow();
		await t.ctx.db
			.updateTable('journal_entries')
			.set({ body: stolen.body })
			.where('id', '=', b.id)
			.execute();
		await expect(getJournalEntry(t.ctx, { actor: me, id: b.id })).rejects.toThrow();
	});
});

describe('journal text at rest in SQLite', () => {
	it('appears in no byte of the database, its WAL file or a backup', async () => {
		const t = await createTestContext('sqlite');
		try {
			const client = await buildClient(t.ctx);
			const sentence = `The lighthouse keeper counted ${Date.now()} gulls before asking for help.`;
			await saveJournalEntry(t.ctx, {
				actor: actorOf(client.userId),
				...prompt,
				body: sentence,
				domains: [],
				disciplines: []
			});
			const file = t.handle.sqlite!.name;
			const backup = path.join(path.dirname(file), 'backup.db');
			await t.handle.sqlite!.backup(backup);
			const files = [file, `${file}-wal`, backup].filter((f) => fs.existsSync(f));
			expect(files).toContain(`${file}-wal`);
			for (const f of files) {
				const bytes = fs.readFileSync(f);
				expect(bytes.includes(Buffer.from('lighthouse keeper')), f).toBe(false);
				expect(bytes.includes(Buffer.from(sentence, 'utf16le')), f).toBe(false);
			}
			// …and yet it is there, for its writer.
			const [entry] = await listJournalEntries(t.ctx, { actor: actorOf(client.userId) });
			expect(entry?.body).toBe(sentence);
		} finally {
			await t.dispose();
		}
	});
});
