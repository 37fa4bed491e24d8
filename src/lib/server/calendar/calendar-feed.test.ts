import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createTestContext,
	testDialects,
	type TestContext
} from '../../../../tests/support/test-context.ts';
import { buildClient } from '../../../../tests/factories/accounts.ts';
import type { NewActionInput } from '../../domain/actions/schemas.ts';
import type { Actor } from '../../domain/policies.ts';
import { closeAction } from '../actions/close-action.ts';
import { createAction } from '../actions/create-action.ts';
import { loggablePath } from '../logger.ts';
import { hashToken } from '../security/tokens.ts';
import { createCalendarFeed } from './create-calendar-feed.ts';
import { getCalendarFeed } from './get-calendar-feed.ts';
import { readCalendarFeed } from './read-calendar-feed.ts';
import { revokeCalendarFeed } from './revoke-calendar-feed.ts';

const BASE = 'https://coach.example.com';

function newAction(what: string, overrides: Partial<NewActionInput> = {}): NewActionInput {
	return {
		what,
		withName: 'Sam',
		withEmail: null,
		domain: 'FAM',
		kind: 'together',
		discipline: 'commitment',
		// The test clock starts on Friday 27 November 2026.
		schedule: { type: 'date', dueOn: '2026-12-03' },
		suggestionId: null,
		key: null,
		...overrides
	};
}

const tokenOf = (url: string) => url.match(/\/calendar\/([A-Za-z0-9_-]+)\.ics$/)![1]!;

/** The feed's events, as a calendar app would read them. */
function eventsOf(text: string) {
	const calendar = new ICAL.Component(ICAL.parse(text));
	return calendar
		.getAllSubcomponents('vevent')
		.map((v) => new ICAL.Event(v))
		.sort((a, b) => a.summary.localeCompare(b.summary));
}

describe.each(testDialects())('the private calendar feed on %s', (dialect) => {
	let t: TestContext;
	beforeEach(async () => {
		t = await createTestContext(dialect);
	});
	afterEach(async () => {
		await t.dispose();
	});

	async function client(name: string) {
		const { userId } = await buildClient(t.ctx, { name });
		const actor: Actor = { userId, practices: {} };
		return actor;
	}
	const read = (url: string) => readCalendarFeed(t.ctx, { token: tokenOf(url), baseUrl: BASE });

	it('lists every open action, a rhythm as a weekly event, and drops an action once closed', async () => {
		const me = await client('Nia');
		const dinner = await createAction(t.ctx, {
			actor: me,
			action: newAction('Cook dinner together')
		});
		await createAction(t.ctx, {
			actor: me,
			action: newAction('Walk with Kim', {
				withName: 'Kim',
				schedule: { type: 'weekly', weekday: 3 }
			})
		});
		expect(await getCalendarFeed(t.ctx, { actor: me })).toBeNull();
		const feed = await createCalendarFeed(t.ctx, { actor: me, baseUrl: BASE });
		expect(feed.url).toMatch(/^https:\/\/coach\.example\.com\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
		expect(await getCalendarFeed(t.ctx, { actor: me })).toEqual({
			createdAt: '2026-11-27T09:00:00.000Z'
		});

		const [once, weekly] = eventsOf(await read(feed.url));
		expect(once!.summary).toBe('Cook dinner together (with Sam)');
		expect(once!.startDate.toString()).toBe('2026-12-03');
		expect(once!.isRecurring()).toBe(false);
		expect(once!.description).toContain(`${BASE}/actions/${dinner.id}`);
		expect(weekly!.summary).toBe('Walk with Kim (with Kim)');
		expect(weekly!.isRecurring()).toBe(true);
		const next = weekly!.iterator();
		expect([next.next(), next.next()].map((d) => d!.toString())).toEqual([
			'2026-12-02',
			'2026-12-09'
		]);

		await closeAction(t.ctx, { actor: me, actionId: dinner.id });
		expect(eventsOf(await read(feed.url)).map((e) => e.summary)).toEqual([
			'Walk with Kim (with Kim)'
		]);
	});

	it('keeps only a hash of the link, and never shows another person’s actions', async () => {
		const me = await client('Dee');
		const other = await client('Otto');
		await createAction(t.ctx, { actor: me, action: newAction('Ask Sam about the weekend') });
		await createAction(t.ctx, { actor: other, action: newAction('Otto’s private plan') });
		const mine = await createCalendarFeed(t.ctx, { actor: me, baseUrl: BASE });
		const theirs = await createCalendarFeed(t.ctx, { actor: other, baseUrl: BASE });

		const stored = await t.ctx.db.selectFrom('calendar_feeds').selectAll().execute();
		expect(stored.map((r) => r.token_hash).sort()).toEqual(
			[hashToken(tokenOf(mine.url)), hashToken(tokenOf(theirs.url))].sort()
		);
		expect(JSON.stringify(stored)).not.toContain(tokenOf(mine.url));

		const text = await read(mine.url);
		expect(eventsOf(text).map((e) => e.summary)).toEqual(['Ask Sam about the weekend (with Sam)']);
		expect(text).not.toContain('Otto');
		// Request logs name the route, never the token.
		expect(loggablePath(new URL(mine.url).pathname)).toBe('/calendar/[token].ics');
	});

	it('refuses a link once turned off or replaced, and reading it changes nothing', async () => {
		const me = await client('Rae');
		await createAction(t.ctx, { actor: me, action: newAction('Phone Grandma together') });
		const first = await createCalendarFeed(t.ctx, { actor: me, baseUrl: BASE });
		t.clock.advance(60_000);
		const second = await createCalendarFeed(t.ctx, { actor: me, baseUrl: BASE });
		await expect(read(first.url)).rejects.toMatchObject({ code: 'not_found' });
		expect(eventsOf(await read(second.url))).toHaveLength(1);
		expect(await getCalendarFeed(t.ctx, { actor: me })).toEqual({
			createdAt: '2026-11-27T09:01:00.000Z'
		});

		t.clock.advance(60_000);
		expect(await revokeCalendarFeed(t.ctx, { actor: me })).toEqual({ revoked: true });
		expect(await revokeCalendarFeed(t.ctx, { actor: me })).toEqual({ revoked: false });
		expect(await getCalendarFeed(t.ctx, { actor: me })).toBeNull();
		const before = await t.ctx.db.selectFrom('calendar_feeds').selectAll().orderBy('id').execute();
		expect(before.every((r) => r.revoked_at !== null)).toBe(true);

		await expect(read(second.url)).rejects.toThrow('This calendar link does not work');
		await expect(
			readCalendarFeed(t.ctx, { token: 'not-a-token', baseUrl: BASE })
		).rejects.toMatchObject({ code: 'not_found' });
		await expect(
			readCalendarFeed(t.ctx, { token: 'A'.repeat(43), baseUrl: BASE })
		).rejects.toMatchObject({ code: 'not_found' });
		const after = await t.ctx.db.selectFrom('calendar_feeds').selectAll().orderBy('id').execute();
		expect(after).toEqual(before);
	});

	it('leaves one live link when two are made at the same moment', async () => {
		const me = await client('Ina');
		const made = await Promise.all([
			createCalendarFeed(t.ctx, { actor: me, baseUrl: BASE }),
			createCalendarFeed(t.ctx, { actor: me, baseUrl: BASE })
		]);
		const live = await t.ctx.db
			.selectFrom('calendar_feeds')
			.select('token_hash')
			.where('revoked_at', 'is', null)
			.execute();
		expect(live).toHaveLength(1);
		const working = made.filter((f) => hashToken(tokenOf(f.url)) === live[0]!.token_hash);
		expect(working).toHaveLength(1);
	});
});
