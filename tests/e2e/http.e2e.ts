import { beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../support/http.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { useApp } from '../support/app.ts';

const app = useApp({ browser: false });
let server: RunningServer;
beforeAll(() => void ({ server } = app));

const DEMO_PASSWORD = 'midpoint-demo-practice';
let practiceP: string;
let practiceQ: string;

async function practiceOf(client: HttpClient): Promise<string> {
	const html = await (await client.get('/home')).text();
	const match = html.match(/href="\/practices\/([0-9a-f-]{36})"/);
	if (!match) throw new Error('no practice link on the home page');
	return match[1]!;
}

beforeAll(async () => {
	const demo = server.cli('demo');
	expect(demo.status, demo.stderr).toBe(0);
	const created = server.cli(
		'create-user',
		'--email',
		'quinn@example.com',
		'--name',
		'Quinn',
		'--kind',
		'coach',
		'--practice',
		'Quay Coaching',
		'--password',
		'quiet harbour lights'
	);
	expect(created.stderr).toBe('');
	const rosa = new HttpClient(server.url);
	await rosa.signIn('rosa@demo.midpoint.local', DEMO_PASSWORD);
	practiceP = await practiceOf(rosa);
	const quinn = new HttpClient(server.url);
	await quinn.signIn('quinn@example.com', 'quiet harbour lights');
	practiceQ = await practiceOf(quinn);
});

describe('security headers', () => {
	it('sends a nonce-based CSP and the protective headers on every page', async () => {
		// The sign-in page ships no script at all (decision 0023): its policy allows none inline.
		const plain = await new HttpClient(server.url).get('/login');
		const plainCsp = plain.headers.get('content-security-policy') ?? '';
		expect(plainCsp).toMatch(/script-src 'self'(;| 'nonce-)/);
		expect(plainCsp).not.toMatch(/script-src[^;]*unsafe/);
		expect(await plain.text()).not.toMatch(/<script(?![^>]*nonce=)/);
		// The roster runs a script, and only under this response's nonce.
		const rosa = new HttpClient(server.url);
		await rosa.signIn('rosa@demo.midpoint.local', DEMO_PASSWORD);
		const res = await rosa.get(`/practices/${practiceP}`);
		const csp = res.headers.get('content-security-policy') ?? '';
		expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
		expect(csp).toContain("frame-ancestors 'none'");
		expect(csp).toContain("object-src 'none'");
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect(res.headers.get('referrer-policy')).toBe('same-origin');
		expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
		expect(res.headers.get('strict-transport-security')).toBeNull(); // plain http on localhost
		const html = await res.text();
		const nonce = csp.match(/'nonce-([^']+)'/)![1];
		expect(html).toContain(`nonce="${nonce}"`);
	});

	it('marks pages of a signed-in person as private and never cached', async () => {
		const client = new HttpClient(server.url);
		await client.signIn('amara@demo.midpoint.local', DEMO_PASSWORD);
		expect((await client.get('/home')).headers.get('cache-control')).toBe('private, no-store');
	});
});

describe('session cookies', () => {
	it('on plain-http localhost: HttpOnly, SameSite=Lax, not Secure', async () => {
		const res = await new HttpClient(server.url).post('/login', {
			email: 'amara@demo.midpoint.local',
			password: DEMO_PASSWORD
		});
		const cookie = res.headers.getSetCookie().find((c) => c.startsWith('midpoint-session='));
		expect(cookie).toBeDefined();
		expect(cookie).toMatch(/HttpOnly/);
		expect(cookie).toMatch(/SameSite=Lax/);
		expect(cookie).toMatch(/Path=\//);
		expect(cookie).not.toMatch(/Secure/);
	});

	it('behind https: Secure, with the __Host- prefix, and HSTS', async () => {
		const https = await startServer({ origin: (port) => `https://localhost:${port}` });
		try {
			expect(
				https.cli(
					'create-user',
					'--email',
					'hana@example.com',
					'--name',
					'Hana',
					'--kind',
					'client',
					'--password',
					'lanterns over the bay'
				).status
			).toBe(0);
			const res = await fetch(`${https.url}/login`, {
				method: 'POST',
				headers: {
					accept: 'text/html',
					'content-type': 'application/x-www-form-urlencoded',
					origin: https.url.replace('http:', 'https:')
				},
				body: new URLSearchParams({ email: 'hana@example.com', password: 'lanterns over the bay' }),
				redirect: 'manual'
			});
			expect(res.status, await res.clone().text()).toBe(303);
			const cookie = res.headers
				.getSetCookie()
				.find((c) => c.startsWith('__Host-midpoint-session='));
			expect(cookie).toMatch(/; Secure/);
			expect(cookie).toMatch(/HttpOnly/);
			expect(cookie).not.toMatch(/Domain=/);
			expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
		} finally {
			await https.stop();
		}
	});

	it('gives a new session id at each sign-in and ends it at sign-out', async () => {
		const client = new HttpClient(server.url);
		await client.signIn('ben@demo.midpoint.local', DEMO_PASSWORD);
		const first = client.cookies.get('midpoint-session');
		await client.signIn('ben@demo.midpoint.local', DEMO_PASSWORD);
		const second = client.cookies.get('midpoint-session');
		expect(second).not.toBe(first);
		const stolen = new HttpClient(server.url);
		stolen.cookies.set('midpoint-session', second!);
		expect((await stolen.get('/home')).status).toBe(200);
		expect((await client.post('/logout', {})).status).toBe(303);
		const after = await stolen.get('/home');
		expect(after.status).toBe(303);
		expect(after.headers.get('location')).toBe('/login?next=%2Fhome');
	});
});

describe('guarded pages', () => {
	it('sends an anonymous visitor to sign in, and back afterwards', async () => {
		const client = new HttpClient(server.url);
		const res = await client.get(`/practices/${practiceP}`);
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe(
			`/login?next=${encodeURIComponent(`/practices/${practiceP}`)}`
		);
		const login = await client.post('/login', {
			email: 'rosa@demo.midpoint.local',
			password: DEMO_PASSWORD,
			next: `/practices/${practiceP}`
		});
		expect(login.headers.get('location')).toBe(`/practices/${practiceP}`);
		const page = await client.get(`/practices/${practiceP}`);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('Amara Osei');
	});

	it("refuses a client the coach's practice pages", async () => {
		const client = new HttpClient(server.url);
		await client.signIn('amara@demo.midpoint.local', DEMO_PASSWORD);
		for (const path of [`/practices/${practiceP}`, `/practices/${practiceP}/settings`]) {
			const res = await client.get(path);
			expect(res.status, path).toBe(403);
			expect(await res.text()).not.toContain('Ben Whitaker');
		}
	});

	it("refuses a coach another practice's pages, and its form actions", async () => {
		const quinn = new HttpClient(server.url);
		await quinn.signIn('quinn@example.com', 'quiet harbour lights');
		expect((await quinn.get(`/practices/${practiceQ}`)).status).toBe(200);
		const res = await quinn.get(`/practices/${practiceP}`);
		expect(res.status).toBe(403);
		expect(await res.text()).not.toContain('Amara');
		expect(
			(await quinn.post(`/practices/${practiceP}/settings`, { name: 'Taken over' })).status
		).toBe(403);
		const rosa = new HttpClient(server.url);
		await rosa.signIn('rosa@demo.midpoint.local', DEMO_PASSWORD);
		expect(await (await rosa.get(`/practices/${practiceP}`)).text()).toContain('Harbour Coaching');
	});

	it('answers an unknown practice id with 403, not a hint that it exists', async () => {
		const rosa = new HttpClient(server.url);
		await rosa.signIn('rosa@demo.midpoint.local', DEMO_PASSWORD);
		expect((await rosa.get('/practices/00000000-0000-0000-0000-000000000000')).status).toBe(403);
	});

	it('refuses a cross-site form post', async () => {
		const res = await fetch(`${server.url}/login`, {
			method: 'POST',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				origin: 'https://evil.example'
			},
			body: 'email=amara%40demo.midpoint.local&password=x',
			redirect: 'manual'
		});
		expect(res.status).toBe(403);
	});
});

describe('instrument statistics', () => {
	it('shows the practice admin the statistics and a pseudonymous CSV of responses', async () => {
		const rosa = new HttpClient(server.url);
		await rosa.signIn('rosa@demo.midpoint.local', DEMO_PASSWORD);
		const page = await rosa.get(`/practices/${practiceP}/instrument`);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('How the assessment behaves in your practice');
		const csv = await rosa.get(`/practices/${practiceP}/instrument/responses.csv`);
		expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(csv.headers.get('content-disposition')).toContain('attachment');
		const text = await csv.text();
		expect(text.split('\n')[0]).toMatch(/^respondent,FAM_DEP_1,FAM_DEP_2,/);
		expect(text).not.toContain('@');
		expect(text).not.toContain('Amara');
	});

	it('refuses a client and a coach of another practice', async () => {
		for (const [email, password] of [
			['amara@demo.midpoint.local', DEMO_PASSWORD],
			['quinn@example.com', 'quiet harbour lights']
		] as const) {
			const client = new HttpClient(server.url);
			await client.signIn(email, password);
			expect((await client.get(`/practices/${practiceP}/instrument`)).status).toBe(403);
			const csv = await client.get(`/practices/${practiceP}/instrument/responses.csv`);
			expect(csv.status).toBe(403);
			expect(await csv.text()).not.toContain('respondent,');
		}
	});
});

describe("a coach reading a client's shared reflections", () => {
	it('shows the coach the shared entry and never the private one; others are refused', async () => {
		const amara = new HttpClient(server.url);
		await amara.signIn('amara@demo.midpoint.local', DEMO_PASSWORD);
		const write = async (body: string) => {
			const res = await amara.post('/journal/new?/save', {
				step: 'resonate',
				promptId: 'resonate-together',
				body
			});
			expect(res.status).toBe(303);
			return res.headers.get('location')!.replace('?saved=1', '');
		};
		const sharedPath = await write('Cooking with my sister was easier than doing it all myself.');
		await write('A worry I am not ready to tell anyone about.');
		expect((await amara.post(`${sharedPath}?/share`, {})).status).toBe(200);

		const rosa = new HttpClient(server.url);
		await rosa.signIn('rosa@demo.midpoint.local', DEMO_PASSWORD);
		const practice = await (await rosa.get(`/practices/${practiceP}`)).text();
		const clientPath = practice.match(
			/href="(\/practices\/[0-9a-f-]+\/clients\/[0-9a-f-]+)">Amara Osei/
		)![1]!;
		const page = await (await rosa.get(clientPath)).text();
		expect(page).toContain('Cooking with my sister');
		expect(page).not.toContain('not ready to tell anyone');
		expect(page).toContain('trail');

		const quinn = new HttpClient(server.url);
		await quinn.signIn('quinn@example.com', 'quiet harbour lights');
		// The practice's pages refuse outsiders and clients alike (403), before anything is read.
		expect((await quinn.get(clientPath)).status).toBe(403);
		expect((await amara.get(clientPath)).status).toBe(403);

		expect((await amara.post(`${sharedPath}?/unshare`, {})).status).toBe(200);
		expect(await (await rosa.get(clientPath)).text()).not.toContain('Cooking with my sister');
	});
});

describe('rate limiting over HTTP', () => {
	it('answers the 6th wrong password with 429, a Retry-After, and a message saying when', async () => {
		const client = new HttpClient(server.url);
		for (let i = 0; i < 5; i++) {
			const res = await client.post('/login', {
				email: 'chen@demo.midpoint.local',
				password: `wrong guess ${i}`
			});
			expect(res.status).toBe(401);
		}
		const res = await client.post('/login', {
			email: 'chen@demo.midpoint.local',
			password: DEMO_PASSWORD
		});
		expect(res.status).toBe(429);
		expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(800);
		expect(await res.text()).toContain('Too many attempts. Please wait 15 minutes and try again.');
	});
});

describe('errors and logs', () => {
	it('shows a friendly 404 without internals', async () => {
		const res = await new HttpClient(server.url).get('/no/such/page');
		expect(res.status).toBe(404);
		const html = await res.text();
		expect(html).toContain('Not Found');
		expect(html).not.toMatch(/at .*\.js:\d+/);
	});

	it('keeps passwords, tokens and cookies out of the logs', async () => {
		const client = new HttpClient(server.url);
		await client.post('/login', {
			email: 'dana@demo.midpoint.local',
			password: 'unique-secret-shibboleth-42'
		});
		await client.signIn('dana@demo.midpoint.local', DEMO_PASSWORD);
		await client.get('/reset-password/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
		await expect.poll(() => server.logs()).toContain('/reset-password/[token]');
		const logs = server.logs();
		expect(logs).toContain('"route":"/login"');
		expect(logs).not.toContain('unique-secret-shibboleth-42');
		expect(logs).not.toContain(DEMO_PASSWORD);
		expect(logs).not.toContain(client.cookies.get('midpoint-session'));
		expect(logs).not.toContain('AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
	});
});
