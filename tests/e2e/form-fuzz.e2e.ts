import { randomBytes } from 'node:crypto';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { snapshots } from '../support/db-snapshot.ts';
import { findForms, formsOf, type FormField, type FoundForm } from '../support/forms.ts';
import { HttpClient } from '../support/http.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { newPostgresDatabase } from '../support/template-db.ts';

// Issue 13: random and hostile values sent to every form a client and a coach can reach, over
// plain HTTP as a browser without JavaScript would. Never a 5xx; a refusal writes nothing; and
// the text a person typed comes back in the form that refused it.

const RUNS_PER_FORM = Number(process.env.FUZZ_RUNS ?? 8);
// Signed out (sign-up, sign-in, password reset), then as a client and as a coach.
const PEOPLE = ['amara@demo.midpoint.local', 'rosa@demo.midpoint.local'];
const ANONYMOUS_START = ['/', '/login', '/signup', '/forgot-password'];
const DEMO_PASSWORD = 'midpoint-demo-practice';
// Forms that end the session: fuzzing them would leave nothing signed in to fuzz.
const SIGNS_OUT = /\/logout|sign-?out|\/sessions/;
const TYPED = new Set(['text', 'textarea', 'email', 'search', 'url', 'tel']);
const dialects = (process.env.DIALECTS ?? 'sqlite').split(',');
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
	for (const clean of cleanups.reverse()) await clean();
});

const hostile = fc.oneof(
	fc.string({ maxLength: 40 }),
	fc.string({ unit: 'binary', maxLength: 40 }),
	fc.string({
		unit: fc.integer({ min: 0, max: 31 }).map((n) => String.fromCharCode(n)),
		maxLength: 20
	}),
	fc.constantFrom(
		'x'.repeat(60_000),
		'\u0000',
		'a\u0000b',
		'\uD800',
		'\uDC00 lone',
		'-1',
		'1e309',
		'NaN',
		'0x10',
		'2026-02-30',
		'[object Object]',
		'<script>alert(1)</script>',
		"'; drop table users; --",
		'   ',
		'\r\n\r\n'
	)
);

/** What the page itself would send for a field: its value, or one of its options. */
const proper = (f: FormField) =>
	f.options.length > 0 ? fc.constantFrom(...f.options) : fc.constant(f.value);

/** Each field: sent once (proper or hostile), left out, or sent twice. */
const entriesFor = (fields: FormField[]) =>
	fc
		.tuple(
			...fields.map((f) =>
				fc.oneof(
					{ weight: 3, arbitrary: fc.oneof(proper(f), hostile).map((v) => [[f.name, v]]) },
					{ weight: 1, arbitrary: fc.constant([]) },
					{
						weight: 1,
						arbitrary: fc.tuple(hostile, hostile).map(([a, b]) => [
							[f.name, a],
							[f.name, b]
						])
					}
				)
			)
		)
		.map((parts) => parts.flat() as [string, string][]);

/** As a page shows a value back: well-formed, NUL dropped (form-action.ts), line ends as \n. */
const shown = (v: string) =>
	v.toWellFormed().replaceAll('\u0000', '').replace(/\r\n?/g, '\n').replace(/^\n/, '');

async function storage(dialect: string): Promise<{
	env: Record<string, string>;
	target: (dir: string) => Parameters<typeof snapshots>[0];
}> {
	if (dialect === 'sqlite')
		return { env: {}, target: (dir: string) => ({ sqliteFile: path.join(dir, 'midpoint.db') }) };
	const db = await newPostgresDatabase(undefined);
	cleanups.push(db.drop);
	return {
		env: { DATABASE_URL: db.url, MIDPOINT_MASTER_KEY: randomBytes(32).toString('base64') },
		target: () => ({ postgresUrl: db.url })
	};
}

describe.each(dialects)('every form, fuzzed, on %s', (dialect) => {
	it('never answers 5xx, writes nothing when it refuses, and gives the typed text back', async () => {
		const where = await storage(dialect);
		// Background work paused, so that only the form being fuzzed writes.
		const server: RunningServer = await startServer({
			env: { ...where.env, MIDPOINT_JOBS_POLL_MS: '3600000', MIDPOINT_REMINDER_SCAN_MS: '3600000' }
		});
		cleanups.push(() => server.stop());
		expect(server.cli('demo').status).toBe(0);
		const snap = await snapshots(where.target(server.dataDir));
		cleanups.push(() => snap.close());

		const tally = { forms: 0, cases: 0, accepted: 0, refused: 0, echoed: 0 };
		for (const email of [null, ...PEOPLE]) {
			const client = new HttpClient(server.url);
			if (email) await client.signIn(email, DEMO_PASSWORD);
			const forms = (await findForms(client, email ? ['/home'] : ANONYMOUS_START)).filter(
				(f) => !SIGNS_OUT.test(f.action)
			);
			tally.forms += forms.length;
			for (const form of forms) await fuzzForm(client, form, email);
		}

		async function fuzzForm(client: HttpClient, form: FoundForm, email: string | null) {
			const run = await fc.check(
				fc.asyncProperty(entriesFor(form.fields), async (entries) => {
					tally.cases++;
					const before = await snap.take();
					const res = await client.request(form.action, { form: entries });
					expect(res.status, `${form.action} answered ${res.status}`).toBeLessThan(500);
					const html = await res.text();
					// A form action that succeeds answers 200 (its page again) or 303 (on to the next page).
					if (res.status < 400) return void tally.accepted++;
					tally.refused++;
					expect(await snap.take(), `${form.action} refused (${res.status}) yet wrote`).toBe(
						before
					);
					if (res.status !== 400) return;
					// The refused form, shown again, holds what was typed into each text field.
					const values = formsOf(html, new URL(form.page, server.url)).flatMap((f) =>
						f.fields.map((x) => shown(x.value))
					);
					for (const [name, value] of entries) {
						const field = form.fields.find((f) => f.name === name);
						const once = entries.filter(([n]) => n === name).length === 1;
						if (!field || !TYPED.has(field.kind) || !once || !value.trim()) continue;
						expect(values, `${form.action}: ${name} not given back`).toContain(shown(value));
						tally.echoed++;
					}
				}),
				{ numRuns: RUNS_PER_FORM }
			);
			// fast-check's own report would print 60,000-character values: a short one instead.
			if (run.failed)
				throw new Error(
					`${String(run.errorInstance).slice(0, 400)}\nsent: ${JSON.stringify(run.counterexample).slice(0, 400)} (seed ${run.seed})`
				);
			// Still signed in (an accepted form may have changed that): sign in again if not.
			if (email && (await client.get('/home')).status !== 200)
				await client.signIn(email, DEMO_PASSWORD);
		}

		console.log(`form fuzzing on ${dialect}: ${JSON.stringify(tally)}`);
		expect(tally.forms).toBeGreaterThan(15);
		expect(tally.refused).toBeGreaterThan(0);
		expect(tally.echoed).toBeGreaterThan(0);
	}, 600_000);
});
