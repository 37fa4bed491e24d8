// Who may reach a program and an enrolment over HTTP, as a browser without JavaScript would: the
// author, an admin, and (once shared) every coach of the practice; never a client, another
// practice, or a coach who is not the client's. A refused write changes nothing.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMembership } from '../../src/lib/server/practices/repository.ts';
import { enrolClients } from '../../src/lib/server/programs/enrol.ts';
import { publishProgram } from '../../src/lib/server/programs/publish-program.ts';
import { buildClient, buildCoach, FACTORY_PASSWORD } from '../factories/accounts.ts';
import { fourSteps, practice } from '../factories/programs.ts';
import { useApp } from '../support/app.ts';
import { HttpClient } from '../support/http.ts';
import type { RunningServer } from '../support/server.ts';
import { inServerDb } from '../support/server-db.ts';

const app = useApp({ browser: false });
let server: RunningServer;
let p = '';
let programId = '';
let cleoId = '';
const emails: Record<string, string> = {};

beforeAll(async () => {
	server = app.server;
	await inServerDb(server, async (ctx) => {
		const cast = await practice(ctx);
		p = cast.p;
		cleoId = cast.cleo.userId;
		Object.assign(emails, cast.emails);
		const target = await fourSteps(ctx, cast.coach, p);
		programId = target.programId;
		await publishProgram(ctx, target);
		const startOn = ctx.now().toISOString().slice(0, 10);
		await enrolClients(ctx, { ...target, clientIds: [cleoId], startOn });
		const cara = await buildClient(ctx, { name: 'Cara Colleague' });
		const at = ctx.now().toISOString();
		await addMembership(ctx.db, {
			id: randomUUID(),
			practiceId: p,
			userId: cara.userId,
			role: 'coach',
			at
		});
		emails.cara = cara.email;
		emails.finn = (await buildCoach(ctx, { name: 'Finn Elsewhere' })).email;
	});
});

async function as(who: string) {
	const http = new HttpClient(server.url);
	await http.signIn(emails[who]!, FACTORY_PASSWORD);
	return http;
}

const versions = () =>
	server.query<{ n: number }>('select count(*) as n from program_versions')[0]!.n;

describe('programs over HTTP', () => {
	it('lets the author and the admin in, and nobody else until the admin shares it', async () => {
		const builder = `/practices/${p}/programs/${programId}`;
		for (const who of ['cole', 'ada']) {
			const http = await as(who);
			expect((await http.get(builder)).status).toBe(200);
			const file = await http.get(`${builder}/export.json`);
			expect(file.headers.get('content-disposition')).toContain('steady-steps.program.json');
			expect(JSON.parse(await file.text())).toMatchObject({ schema: 1, title: 'Steady steps' });
		}
		const cara = await as('cara');
		expect((await cara.get(builder)).status).toBe(404);
		expect((await cara.get(`${builder}/export.json`)).status).toBe(404);
		expect((await cara.get(`${builder}/preview`)).status).toBe(404);
		const before = versions();
		expect((await cara.post(`${builder}?/publish`, {})).status).toBe(404);
		expect(versions()).toBe(before);
		for (const who of ['cleo', 'finn']) {
			const http = await as(who);
			expect((await http.get(builder)).status).toBe(403);
			expect((await http.get(`/practices/${p}/programs`)).status).toBe(403);
		}

		const ada = await as('ada');
		expect((await ada.post(`${builder}?/share`, { shared: 'yes' })).status).toBe(303);
		expect((await cara.get(builder)).status).toBe(200);
		// Shared means usable, not editable: Cara still cannot publish or remove a step.
		expect((await cara.post(`${builder}?/remove`, { stepId: 'patterns' })).status).toBe(404);
		expect((await cara.post(`${builder}?/publish`, {})).status).toBe(404);
		expect(versions()).toBe(before);
		// She may copy it, and the copy is hers to change.
		const copied = await cara.post(`${builder}?/copy`, {});
		expect(copied.status).toBe(303);
		const copy = copied.headers.get('location')!.split('?')[0]!;
		expect((await cara.post(`${copy}?/remove`, { stepId: 'patterns' })).status).toBe(303);
		expect((await (await as('cole')).get(copy)).status).toBe(404);
	});

	it('shows a client’s program to their coach and the admin, never to another coach', async () => {
		const page = `/practices/${p}/clients/${cleoId}/program`;
		for (const who of ['cole', 'ada']) {
			const res = await (await as(who)).get(page);
			expect(res.status).toBe(200);
			expect(await res.text()).toContain('Steady steps');
		}
		const cara = await as('cara');
		expect((await cara.get(page)).status).toBe(404);
		expect((await cara.post(`${page}?/end`, {})).status).toBe(404);
		expect(server.query<{ status: string }>('select status from enrolments')[0]!.status).toBe(
			'active'
		);
		expect((await (await as('finn')).get(page)).status).toBe(403);
		const mine = await (await as('cleo')).get('/program');
		expect(await mine.text()).toContain('Step 1: Why the middle');
	});

	it('imports an exported file as the same program, and names the place of a problem', async () => {
		const cole = await as('cole');
		const exported = await (
			await cole.get(`/practices/${p}/programs/${programId}/export.json`)
		).text();
		const upload = (text: string) => {
			const form = new FormData();
			form.set('file', new File([text], 'steady.program.json', { type: 'application/json' }));
			return fetch(`${server.url}/practices/${p}/programs?/import`, {
				method: 'POST',
				body: form,
				redirect: 'manual',
				headers: {
					accept: 'text/html',
					origin: server.url,
					cookie: [...cole.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
				}
			});
		};
		const made = await upload(exported);
		expect(made.status).toBe(303);
		const copy = made.headers.get('location')!;
		expect(await (await cole.get(`${copy}/export.json`)).text()).toBe(exported);

		const before = server.query<{ n: number }>('select count(*) as n from programs')[0]!.n;
		const broken = JSON.parse(exported);
		broken.steps[1].delivery.days = 'three';
		const refused = await upload(JSON.stringify(broken));
		expect(refused.status).toBe(400);
		// Where the file is wrong, in words: step 2, counted as a coach counts.
		expect(await refused.text()).toContain('Step 2 of the file, its delivery days:');
		const stranger = await upload(JSON.stringify({ name: 'not a program' }));
		expect(await stranger.text()).toContain('This is not a program file exported from Midpoint.');
		// A file over the server's limit is said beside the import form, and nothing is made.
		const huge = await upload(' '.repeat(700_000));
		expect(huge.status).toBe(413);
		expect(await huge.text()).toContain('That was more than Midpoint takes in one form');
		const newer = await upload(JSON.stringify({ ...JSON.parse(exported), schema: 2 }));
		expect(await newer.text()).toContain('newer Midpoint (schema 2)');
		expect(server.query<{ n: number }>('select count(*) as n from programs')[0]!.n).toBe(before);
	});

	it('lets a self-guided client start the built-in program from their program page', async () => {
		const sol = await inServerDb(server, (ctx) => buildClient(ctx, { name: 'Sol Self' }));
		const http = new HttpClient(server.url);
		await http.signIn(sol.email, FACTORY_PASSWORD);
		expect(await (await http.get('/home')).text()).toContain('See your program');
		expect(await (await http.get('/program')).text()).toContain('Start Pursuing interdependence');
		expect((await http.post('/program?/start', {})).status).toBe(303);
		expect((await http.post('/program?/start', {})).status).toBe(409);
		const home = await (await http.get('/home')).text();
		expect(home).toContain('Now: step 1, “Where do I land?”');
		expect(home).toContain('Next: step 2, “My patterns”');
	});

	it('gives back a refused step with what was typed and the same ideas ticked', async () => {
		const cole = await as('cole');
		const body = new URLSearchParams([
			['stepId', 'try-one'],
			['title', 'Try one'],
			['rule', 'after-previous'],
			['dueDays', 'soon'],
			['intro', 'Pick one.'],
			['keep', 'ind-early-look'],
			['keep', 'dep-book-it']
		]);
		const res = await fetch(`${server.url}/practices/${p}/programs/${programId}?/save`, {
			method: 'POST',
			body,
			redirect: 'manual',
			headers: {
				accept: 'text/html',
				origin: server.url,
				'content-type': 'application/x-www-form-urlencoded',
				cookie: [...cole.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
			}
		});
		expect(res.status).toBe(400);
		const html = await res.text();
		expect(html).toContain('Enter a whole number of days.');
		expect(html).toContain('value="soon"');
		const ticked = [...html.matchAll(/name="keep" value="([^"]+)"[^>]*checked/g)].map((m) => m[1]);
		expect(ticked).toEqual(['ind-early-look', 'dep-book-it']);
	});
});
