// Behind a proxy (ADDRESS_HEADER), sign-in limits key on each visitor's own address; a header
// that would put every request at one address stops the start.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startServer, type RunningServer } from '../support/server.ts';

const password = 'gulls over the harbour wall';
const email = 'rowan.proxy@example.com';

async function signIn(
	server: RunningServer,
	from: string,
	typed: string,
	place?: string
): Promise<Response> {
	return fetch(`${server.url}/login`, {
		method: 'POST',
		headers: {
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			origin: server.url,
			'x-forwarded-for': `${from}, 10.0.0.2`,
			...(place ? { 'x-visitor-place': place } : {})
		},
		body: new URLSearchParams({ email, password: typed }).toString(),
		redirect: 'manual'
	});
}

describe('the client address behind a proxy', () => {
	let server: RunningServer;
	beforeAll(async () => {
		server = await startServer({
			env: { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '2', PLACE_HEADER: 'X-Visitor-Place' }
		});
		const made = server.cli(
			'create-user',
			...['--email', email, '--name', 'Rowan Lee', '--kind', 'client', '--password', password]
		);
		expect(made.status, made.stderr).toBe(0);
	}, 60_000);
	afterAll(() => server?.stop());

	it("locks out the guesser's address, not the owner signing in from another", async () => {
		for (let i = 0; i < 5; i++)
			expect((await signIn(server, '198.51.100.7', 'a wrong guess here')).status).toBe(401);
		const locked = await signIn(server, '198.51.100.7', password);
		expect(locked.status).toBe(429);
		expect(await locked.text()).toContain('Too many attempts');
		const owner = await signIn(server, '203.0.113.5', password);
		expect(owner.status).toBe(303);
		expect(owner.headers.get('location')).toBe('/home');
	});

	it('shows where each session signed in from, as the proxy said, and only that', async () => {
		const res = await signIn(server, '192.0.2.44', password, 'Lisbon, PT<script>');
		expect(res.status).toBe(303);
		const cookie = res.headers
			.getSetCookie()
			.map((c) => c.split(';')[0])
			.join('; ');
		const page = await fetch(`${server.url}/account`, { headers: { cookie } });
		const html = await page.text();
		expect(html).toContain('from Lisbon, PTscript.');
		expect(html).not.toContain('<script>');
	});

	it('refuses to start with a header that is the same for every request', async () => {
		const port = String(await freePort());
		const run = spawnSync(process.execPath, ['bin/midpoint', 'serve'], {
			env: { ...process.env, ADDRESS_HEADER: 'host', DATA_DIR: server.dataDir, PORT: port },
			encoding: 'utf8',
			timeout: 20_000
		});
		expect(run.status).not.toBe(0);
		expect(run.stdout + run.stderr).toContain('ADDRESS_HEADER must name a header your proxy sets');
	});
});
