// The authorization matrix, over HTTP against the built app, on each database: every resource of
// one client (Iris) × every kind of person × list, read, create, update, delete. The expected
// answers are written out by hand below; the test finds each answer by doing it, and proves a
// refused write changed nothing. Lists must agree with single reads: what a person sees on all
// their pages together is exactly what they may read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACTORY_PASSWORD, buildClient } from '../factories/accounts.ts';
import { actorOf, buildCoachingCast, reportedAction, sharedEntry } from '../factories/workspace.ts';
import { HttpClient } from '../support/http.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { createTestContext, testDialects, type TestContext } from '../support/test-context.ts';
import { saveJournalEntry } from '../../src/lib/server/journal/save-journal-entry.ts';
import { startAssessment } from '../../src/lib/server/assessments/start-assessment.ts';
import { saveAssessmentPage } from '../../src/lib/server/assessments/save-assessment-page.ts';
import { selfPages } from '../../src/lib/server/assessments/get-assessment-page.ts';
import { addCoachNote } from '../../src/lib/server/coach-notes/add-coach-note.ts';
import { postReply } from '../../src/lib/server/replies/post-reply.ts';
import { sendInvitation } from '../../src/lib/server/invitations/send-invitation.ts';
import { createAction } from '../../src/lib/server/actions/create-action.ts';
import type { Actor } from '../../src/lib/domain/policies.ts';

const PEOPLE = ['owner', 'peer', 'coach', 'colleague', 'admin', 'elsewhere', 'anonymous'] as const;
type Who = (typeof PEOPLE)[number];
const OPS = ['list', 'read', 'create', 'update', 'delete'] as const;
type Op = (typeof OPS)[number];
type Resource =
	| 'journal entry (shared)'
	| 'journal entry (private)'
	| 'assessment'
	| 'action'
	| 'report-back'
	| 'coach note'
	| 'reply'
	| 'invitation';

/**
 * Who may do what to Iris's things. owner = Iris; peer = another client of her coach; coach = her
 * coach; colleague = another coach of the practice; admin = the practice admin (not a coach);
 * elsewhere = a coach and admin of another practice. 'not offered': nobody can (no such route).
 * Creating journal entries, assessments and actions is only ever for oneself; "create" means
 * making one on Iris's record.
 */
const expected: Record<Resource, Record<Op, readonly Who[] | 'not offered'>> = {
	'journal entry (shared)': {
		list: ['owner', 'coach'],
		read: ['owner', 'coach'],
		create: ['owner'],
		update: ['owner'],
		delete: ['owner']
	},
	'journal entry (private)': {
		list: ['owner'],
		read: ['owner'],
		create: ['owner'],
		update: ['owner'],
		delete: ['owner']
	},
	assessment: {
		list: ['owner', 'coach', 'admin'],
		read: ['owner', 'coach', 'admin'],
		create: ['owner'],
		update: ['owner'],
		delete: 'not offered'
	},
	action: {
		list: ['owner', 'coach'],
		read: ['owner', 'coach'],
		create: ['owner'],
		update: ['owner'],
		delete: ['owner']
	},
	'report-back': {
		list: ['owner', 'coach'],
		read: ['owner', 'coach'],
		create: ['owner'],
		update: ['owner'],
		delete: 'not offered'
	},
	'coach note': {
		list: ['coach'],
		read: ['coach'],
		create: ['coach'],
		update: ['coach'],
		delete: ['coach']
	},
	reply: {
		list: ['owner', 'coach'],
		read: ['owner', 'coach'],
		create: ['owner', 'coach'],
		update: 'not offered',
		delete: 'not offered'
	},
	invitation: {
		// The invitation Iris's coach sent: the sender and the admin manage it.
		list: ['coach', 'admin'],
		read: ['coach', 'admin'],
		create: ['coach', 'colleague', 'admin'],
		update: ['coach', 'admin'],
		delete: ['coach', 'admin']
	}
};

for (const dialect of testDialects()) {
	describe(`the authorization matrix over HTTP on ${dialect}`, () => {
		let t: TestContext;
		let server: RunningServer;
		const people = {} as Record<Who, HttpClient>;
		const actors = {} as Record<Exclude<Who, 'anonymous'>, Actor>;
		let world: Awaited<ReturnType<typeof buildWorld>>;
		const outcome = new Map<string, 'allowed' | 'refused'>();

		async function buildWorld() {
			const cast = await buildCoachingCast(t.ctx);
			Object.assign(actors, {
				owner: cast.actors.client,
				peer: cast.actors.peer,
				coach: cast.actors.coach,
				colleague: cast.actors.colleague,
				admin: cast.actors.admin,
				elsewhere: cast.actors.elsewhere
			});
			const iris = cast.actors.client;
			const marks = {
				shared: 'MARK-shared-entry-7a1',
				private: 'MARK-private-entry-9c4',
				happened: 'MARK-report-happened-3d2',
				note: 'MARK-coach-note-5e8',
				reply: 'MARK-coach-reply-1b6',
				invitee: 'MARK Invitee Fenwick'
			};
			const sharedId = await sharedEntry(t.ctx, iris, marks.shared);
			const privateEntry = await saveJournalEntry(t.ctx, {
				actor: iris,
				step: 'resonate',
				promptId: 'resonate-together',
				body: marks.private,
				domains: [],
				disciplines: []
			});
			// The server's clock is real: the action is due today by the wall clock.
			const { actionId, reportId, occurrence } = await reportedAction(t.ctx, iris, marks.happened);
			const assessmentId = await takeAssessment(iris);
			const openAssessment = await startAssessment(t.ctx, { userId: iris.userId });
			const note = await addCoachNote(t.ctx, {
				actor: cast.actors.coach,
				practiceId: cast.practiceId,
				clientId: iris.userId,
				body: marks.note
			});
			await postReply(t.ctx, {
				actor: cast.actors.coach,
				subjectType: 'entry',
				subjectId: sharedId,
				body: marks.reply,
				baseUrl: 'http://localhost'
			});
			const invitation = await sendInvitation(t.ctx, {
				actor: cast.actors.coach,
				practiceId: cast.practiceId,
				values: { role: 'client', name: marks.invitee, email: 'fenwick@example.com' },
				baseUrl: 'http://localhost'
			});
			// A client of the other practice, to try its ids from practice P and P's ids from there.
			const elsewherePractice = Object.keys(cast.actors.elsewhere.practices)[0]!;
			const quinn = await buildClient(t.ctx, {
				name: 'Quinn Other',
				coach: { userId: cast.actors.elsewhere.userId, practiceId: elsewherePractice }
			});
			const quinnEntry = await sharedEntry(
				t.ctx,
				await actorOf(t.ctx, quinn.userId),
				'MARK-quinn-9f0'
			);
			return {
				...cast,
				marks,
				sharedId,
				privateId: privateEntry.id,
				actionId,
				reportId,
				occurrence,
				assessmentId,
				openAssessmentId: openAssessment.id,
				noteId: note.id,
				invitationId: invitation.id,
				elsewherePractice,
				quinn,
				quinnEntry
			};
		}

		async function takeAssessment(actor: Actor) {
			const { id } = await startAssessment(t.ctx, { userId: actor.userId });
			for (let page = 0; page < selfPages.length; page++) {
				const answers: Record<string, string> = {};
				for (const line of selfPages[page]!) answers[line.id] = line.attention ? '4' : '2';
				await saveAssessmentPage(t.ctx, {
					actor,
					assessmentId: id,
					page,
					answers,
					confirmSkip: false
				});
			}
			return id;
		}

		/** Rows of Iris's records, to prove a refused write changed nothing. */
		async function snapshot(): Promise<string> {
			const db = t.ctx.db;
			const uid = world.client.userId;
			return JSON.stringify([
				await db
					.selectFrom('journal_entries')
					.selectAll()
					.where('user_id', '=', uid)
					.orderBy('id')
					.execute(),
				await db
					.selectFrom('assessments')
					.selectAll()
					.where('user_id', '=', uid)
					.orderBy('id')
					.execute(),
				await db
					.selectFrom('actions')
					.selectAll()
					.where('user_id', '=', uid)
					.orderBy('id')
					.execute(),
				await db
					.selectFrom('action_reports as r')
					.innerJoin('actions as a', 'a.id', 'r.action_id')
					.selectAll('r')
					.where('a.user_id', '=', uid)
					.orderBy('r.id')
					.execute(),
				await db
					.selectFrom('coach_notes')
					.selectAll()
					.where('client_id', '=', uid)
					.orderBy('id')
					.execute(),
				// A reply's read mark is written just after the reader's page view (decision 0023), so
				// an earlier view by its rightful reader may land at any moment: it is no write of the
				// person being refused, and is left out of what must stay unchanged.
				await db
					.selectFrom('replies')
					.select(['id', 'client_id', 'subject_type', 'subject_id', 'author_id', 'body'])
					.select('created_at')
					.where('client_id', '=', uid)
					.orderBy('id')
					.execute(),
				await db.selectFrom('invitations').selectAll().orderBy('id').execute()
			]);
		}

		beforeAll(async () => {
			t = await createTestContext(dialect);
			t.clock.current = new Date(); // the server runs on the wall clock
			world = await buildWorld();
			server = await startServer({ env: t.serverEnv });
			const emails = await t.ctx.db.selectFrom('users').select(['id', 'email']).execute();
			const emailOf = new Map(emails.map((u) => [u.id, u.email]));
			for (const who of PEOPLE) {
				people[who] = new HttpClient(server.url);
				if (who !== 'anonymous')
					await people[who].signIn(emailOf.get(actors[who].userId)!, FACTORY_PASSWORD);
			}
		}, 120_000);

		afterAll(async () => {
			await server?.stop();
			await t?.dispose();
		});

		const P = () => world.practiceId;
		const clientPage = () => `/practices/${P()}/clients/${world.client.userId}`;

		/** GETs a page; counts as showing `mark` only on a 200 whose HTML contains it. */
		async function shows(who: Who, path: string, mark: string): Promise<boolean> {
			const res = await people[who].get(path);
			const html = await res.text();
			return res.status === 200 && html.includes(mark);
		}

		/**
		 * Tries a write. Allowed: it succeeded (a redirect or a 200 that is not a refusal) and the
		 * records changed. Refused: a 303 to sign-in, a 4xx, and nothing changed.
		 */
		async function tryWrite(
			who: Who,
			path: string,
			form: Record<string, string>,
			changed: () => Promise<boolean>
		): Promise<'allowed' | 'refused'> {
			const before = await snapshot();
			const res = await people[who].post(path, form);
			await res.text();
			const after = await snapshot();
			if (res.status >= 400 || res.headers.get('location')?.startsWith('/login')) {
				expect(after, `${who} POST ${path} was refused but changed something`).toBe(before);
				return 'refused';
			}
			if (res.status === 500) throw new Error(`500 from ${path}`);
			expect(
				await changed(),
				`${who} POST ${path} answered ${res.status} but changed nothing`
			).toBe(true);
			return 'allowed';
		}

		const count = async (table: 'journal_entries' | 'actions' | 'assessments', userId: string) =>
			Number(
				(
					await t.ctx.db
						.selectFrom(table)
						.select((eb) => eb.fn.countAll<number>().as('n'))
						.where('user_id', '=', userId)
						.executeTakeFirstOrThrow()
				).n
			);

		/**
		 * Every page that lists Iris's things to someone: her own lists, the thread and report-back
		 * lists on her entry and action, and the coach's pages. What each person sees across them
		 * all is their "list".
		 */
		function pagesOf(who: Who): string[] {
			const hers = ['/home', '/journal', '/actions', '/assessment/history'];
			const threads = [`/journal/${world.sharedId}`, `/actions/${world.actionId}`];
			const practice = [`/practices/${P()}`, clientPage(), `/practices/${P()}/invitations`];
			return who === 'anonymous'
				? ['/', ...threads, clientPage()]
				: [...hers, ...threads, ...practice];
		}

		// Each probe answers: may `who` do `op` to `resource`? Writes run against fresh records.
		const probes: Record<Resource, Partial<Record<Op, (who: Who) => Promise<boolean>>>> = {
			'journal entry (shared)': {
				read: async (who) =>
					(await shows(who, `/journal/${world.sharedId}`, world.marks.shared)) ||
					(await shows(who, clientPage(), world.marks.shared)),
				create: async (who) => createEntry(who),
				update: async (who) => updateEntry(who, true),
				delete: async (who) => deleteEntry(who, true)
			},
			'journal entry (private)': {
				read: async (who) =>
					(await shows(who, `/journal/${world.privateId}`, world.marks.private)) ||
					(await shows(who, clientPage(), world.marks.private)),
				create: async (who) => createEntry(who),
				update: async (who) => updateEntry(who, false),
				delete: async (who) => deleteEntry(who, false)
			},
			assessment: {
				read: async (who) =>
					(await people[who].get(`/assessment/${world.assessmentId}`)).status === 200,
				create: async (who) => {
					// Starting (or resuming) an assessment always lands on the starter's own; it is
					// Iris's only when Iris asked.
					const res = await people[who].post('/assessment?/start', {});
					const id = /\/assessment\/([^/?]+)\/page/.exec(res.headers.get('location') ?? '')?.[1];
					if (!id) return false;
					const row = await t.ctx.db
						.selectFrom('assessments')
						.select('user_id')
						.where('id', '=', id)
						.executeTakeFirst();
					return row?.user_id === world.client.userId;
				},
				update: async (who) => {
					const page0 = Object.fromEntries(
						selfPages[0]!.map((l) => [l.id, l.attention ? '4' : '3'])
					);
					return (
						(await tryWrite(
							who,
							`/assessment/${world.openAssessmentId}/page/1`,
							page0,
							async () => true
						)) === 'allowed'
					);
				}
			},
			action: {
				read: async (who) => shows(who, `/actions/${world.actionId}`, 'Ask Sam to cook with me'),
				create: async (who) => {
					const before = await count('actions', world.client.userId);
					await people[who].post('/actions/new', actionForm());
					return (await count('actions', world.client.userId)) > before;
				},
				update: async (who) => {
					const id = await freshAction();
					const r = await tryWrite(who, `/actions/${id}?/close`, {}, async () => {
						const row = await t.ctx.db
							.selectFrom('actions')
							.select('closed_at')
							.where('id', '=', id)
							.executeTakeFirst();
						return row?.closed_at != null;
					});
					return r === 'allowed';
				},
				delete: async (who) => {
					const id = await freshAction();
					const r = await tryWrite(
						who,
						`/actions/${id}?/delete`,
						{},
						async () =>
							!(await t.ctx.db
								.selectFrom('actions')
								.select('id')
								.where('id', '=', id)
								.executeTakeFirst())
					);
					return r === 'allowed';
				}
			},
			'report-back': {
				read: async (who) =>
					(await shows(who, `/actions/${world.actionId}`, world.marks.happened)) ||
					(await shows(who, clientPage(), world.marks.happened)),
				create: async (who) => report(who, `created by ${who}`),
				update: async (who) => report(who, `updated by ${who}`)
			},
			'coach note': {
				read: async (who) => shows(who, clientPage(), world.marks.note),
				create: async (who) =>
					(await tryWrite(
						who,
						`${clientPage()}?/addNote`,
						{ body: `note by ${who}` },
						async () => true
					)) === 'allowed',
				update: async (who) =>
					(await tryWrite(
						who,
						`${clientPage()}?/editNote`,
						{ noteId: world.noteId, body: `${world.marks.note} edited by ${who}` },
						async () => true
					)) === 'allowed',
				delete: async (who) => {
					const note = await addCoachNote(t.ctx, {
						actor: actors.coach,
						practiceId: P(),
						clientId: world.client.userId,
						body: 'a note to delete'
					});
					return (
						(await tryWrite(
							who,
							`${clientPage()}?/deleteNote`,
							{ noteId: note.id },
							async () => true
						)) === 'allowed'
					);
				}
			},
			reply: {
				read: async (who) =>
					(await shows(who, `/journal/${world.sharedId}`, world.marks.reply)) ||
					(await shows(who, clientPage(), world.marks.reply)),
				create: async (who) => {
					// The coach replies from the client page, the client from the entry; try both.
					const body = `reply by ${who}`;
					const a = await tryWrite(
						who,
						`${clientPage()}?/reply`,
						{ subjectType: 'entry', subjectId: world.sharedId, body },
						async () => true
					);
					if (a === 'allowed') return true;
					return (
						(await tryWrite(
							who,
							`/journal/${world.sharedId}?/reply`,
							{ body },
							async () => true
						)) === 'allowed'
					);
				}
			},
			invitation: {
				read: async (who) => shows(who, `/practices/${P()}/invitations`, world.marks.invitee),
				// Coaches invite clients, the admin invites coaches: either counts as creating one.
				create: async (who) => {
					for (const role of ['client', 'coach']) {
						const r = await tryWrite(
							who,
							`/practices/${P()}/invitations?/invite`,
							{ role, name: `Invited by ${who}`, email: `${role}-by-${who}@example.com` },
							async () => true
						);
						if (r === 'allowed') return true;
					}
					return false;
				},
				update: async (who) =>
					(await tryWrite(
						who,
						`/practices/${P()}/invitations?/resend`,
						{ id: world.invitationId },
						async () => true
					)) === 'allowed',
				delete: async (who) => {
					const sent = await sendInvitation(t.ctx, {
						actor: actors.coach,
						practiceId: P(),
						values: { role: 'client', name: 'To Revoke', email: `revoke-${who}@example.com` },
						baseUrl: 'http://localhost'
					});
					return (
						(await tryWrite(
							who,
							`/practices/${P()}/invitations?/revoke`,
							{ id: sent.id },
							async () => true
						)) === 'allowed'
					);
				}
			}
		};

		async function createEntry(who: Who): Promise<boolean> {
			const before = await count('journal_entries', world.client.userId);
			await people[who].post('/journal/new?/save', {
				step: 'resonate',
				promptId: 'resonate-together',
				body: `written by ${who}`
			});
			return (await count('journal_entries', world.client.userId)) > before;
		}

		async function updateEntry(who: Who, shared: boolean): Promise<boolean> {
			const id = shared ? world.sharedId : world.privateId;
			const row = await t.ctx.db
				.selectFrom('journal_entries')
				.select('revision')
				.where('id', '=', id)
				.executeTakeFirstOrThrow();
			const r = await tryWrite(
				who,
				`/journal/${id}?/save`,
				{
					id,
					revision: String(row.revision),
					step: 'resonate',
					promptId: 'resonate-together',
					body: `${shared ? world.marks.shared : world.marks.private} (edited by ${who})`
				},
				async () => true
			);
			return r === 'allowed';
		}

		async function deleteEntry(who: Who, shared: boolean): Promise<boolean> {
			const iris = actors.owner;
			const id = shared
				? await sharedEntry(t.ctx, iris, 'to delete')
				: (
						await saveJournalEntry(t.ctx, {
							actor: iris,
							step: 'resonate',
							promptId: 'resonate-together',
							body: 'to delete',
							domains: [],
							disciplines: []
						})
					).id;
			const r = await tryWrite(
				who,
				`/journal/${id}?/delete`,
				{},
				async () =>
					!(await t.ctx.db
						.selectFrom('journal_entries')
						.select('id')
						.where('id', '=', id)
						.executeTakeFirst())
			);
			return r === 'allowed';
		}

		function actionForm(): Record<string, string> {
			return {
				what: 'Cook dinner together on Sunday',
				withName: 'Sam',
				withEmail: '',
				domain: 'FAM',
				kind: 'together',
				discipline: 'commitment',
				schedule: 'weekly',
				weekday: '7'
			};
		}

		async function freshAction(): Promise<string> {
			// Iris may have three open actions at most: close the extras made by earlier probes.
			await t.ctx.db
				.updateTable('actions')
				.set({ closed_at: new Date().toISOString() })
				.where('user_id', '=', world.client.userId)
				.where('id', '!=', world.actionId)
				.where('closed_at', 'is', null)
				.execute();
			const { id } = await createAction(t.ctx, {
				actor: actors.owner,
				action: {
					what: 'Ask Dee for a lift',
					withName: 'Dee',
					withEmail: null,
					domain: 'FRI',
					kind: 'ask-help',
					discipline: 'commitment',
					schedule: { type: 'weekly', weekday: 3 },
					suggestionId: null,
					key: null
				}
			});
			return id;
		}

		async function report(who: Who, note: string): Promise<boolean> {
			const r = await tryWrite(
				who,
				`/actions/${world.actionId}?/report`,
				{
					occurrence: world.occurrence,
					outcome: 'partly',
					happened: world.marks.happened,
					mutuality: '3',
					compared: 'same',
					note
				},
				async () => true
			);
			return r === 'allowed';
		}

		for (const [resource, ops] of Object.entries(expected) as [
			Resource,
			Record<Op, readonly Who[] | 'not offered'>
		][]) {
			for (const op of OPS) {
				const allowed = ops[op];
				if (op === 'list') continue; // checked below, against the reads
				it(`${resource} · ${op}: ${allowed === 'not offered' ? 'offered to nobody' : `only ${allowed.join(', ') || 'nobody'}`}`, async () => {
					const probe = probes[resource][op];
					if (allowed === 'not offered') {
						expect(
							probe,
							'a route exists for an operation the table says is not offered'
						).toBeUndefined();
						return;
					}
					const found: Who[] = [];
					for (const who of PEOPLE) {
						const yes = await probe!(who);
						outcome.set(`${resource}|${op}|${who}`, yes ? 'allowed' : 'refused');
						if (yes) found.push(who);
					}
					expect(found).toEqual([...allowed]);
				}, 120_000);
			}
		}

		it('lists agree with single reads: each person sees on their pages exactly what they may read', async () => {
			const marks: Record<string, Resource> = {
				[world.marks.shared]: 'journal entry (shared)',
				[world.marks.private]: 'journal entry (private)',
				[world.marks.happened]: 'report-back',
				[world.marks.note]: 'coach note',
				[world.marks.reply]: 'reply',
				[world.marks.invitee]: 'invitation'
			};
			for (const who of PEOPLE) {
				const seen = new Set<Resource>();
				for (const path of pagesOf(who)) {
					const res = await people[who].get(path);
					const html = res.status === 200 ? await res.text() : '';
					for (const [mark, resource] of Object.entries(marks))
						if (html.includes(mark)) seen.add(resource);
					if (html.includes(`/assessment/${world.assessmentId}`)) seen.add('assessment');
					if (html.includes(`/actions/${world.actionId}`)) seen.add('action');
				}
				const expectedList = (Object.keys(expected) as Resource[]).filter((r) => {
					const list = expected[r].list;
					return list !== 'not offered' && list.includes(who);
				});
				expect([...seen].sort(), `what ${who} sees listed`).toEqual(expectedList.sort());
				// And the lists match the single reads found above.
				for (const r of expectedList) {
					const read = outcome.get(`${r}|read|${who}`);
					if (read) expect(read, `${who} lists ${r} but cannot read it`).toBe('allowed');
				}
			}
		}, 120_000);

		it('refuses ids from another practice everywhere, in both directions', async () => {
			const q = world.elsewherePractice;
			const quinn = world.quinn.userId;
			for (const who of ['coach', 'colleague', 'admin', 'owner', 'peer'] as const) {
				for (const path of [
					`/practices/${q}`,
					`/practices/${q}/clients/${quinn}`,
					`/practices/${q}/invitations`,
					`/practices/${P()}/clients/${quinn}`,
					`/journal/${world.quinnEntry}`
				]) {
					const res = await people[who].get(path);
					const html = await res.text();
					expect([403, 404], `${who} GET ${path}`).toContain(res.status);
					expect(html).not.toContain('MARK-quinn');
				}
			}
			// And the coach of the other practice, with P's ids under their own practice's id.
			for (const path of [
				`/practices/${q}/clients/${world.client.userId}`,
				`/practices/${P()}/clients/${world.client.userId}`
			]) {
				const res = await people.elsewhere.get(path);
				expect([403, 404]).toContain(res.status);
				expect(await res.text()).not.toContain('MARK-');
			}
		}, 60_000);

		it('never shows private journal text to a coach or an admin, on any page they can open', async () => {
			for (const who of ['coach', 'colleague', 'admin', 'elsewhere'] as const)
				for (const path of pagesOf(who))
					expect(await (await people[who].get(path)).text()).not.toContain(world.marks.private);
		}, 60_000);
	});
}
