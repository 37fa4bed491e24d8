import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, configVariables, loadConfig } from './config.ts';

const publicOrigin = 'https://coach.example.com';

describe('configuration from the environment', () => {
	it.each([
		['http://localhost:3000', undefined, true],
		['http://127.0.0.1:3000', undefined, true],
		['http://[::1]:3000', undefined, true],
		// Bound to loopback behind a proxy is still a public server: ORIGIN says so.
		[publicOrigin, undefined, false],
		['http://192.168.1.20:3000', undefined, false],
		['http://localhost.evil.example', undefined, false],
		[publicOrigin, 'on', true],
		['http://localhost:3000', 'off', false]
	])('ORIGIN %s with MIDPOINT_DEMO=%s: dev mailbox and demo on = %s', (origin, demo, on) => {
		const config = loadConfig({ ORIGIN: origin, MIDPOINT_DEMO: demo });
		expect(config.demoEnabled).toBe(on);
	});

	it('keeps the dev tools off where other computers can connect, even with a local ORIGIN', () => {
		const env = { ORIGIN: 'http://localhost:3000' };
		expect(loadConfig({ ...env, HOST: '127.0.0.1' }).demoEnabled).toBe(true);
		expect(loadConfig({ ...env, HOST: '0.0.0.0' }).demoEnabled).toBe(false);
		expect(loadConfig({ ...env, HOST: '0.0.0.0' }).emailDelivery).toBe('discard');
		expect(loadConfig({ ...env, HOST: '0.0.0.0', MIDPOINT_DEMO: 'on' }).demoEnabled).toBe(true);
	});

	it.each(['coach.example.com', 'localhost:3000', 'ftp://coach.example.com'])(
		'refuses ORIGIN %s, which is no http:// or https:// address',
		(origin) => {
			expect(() => loadConfig({ ORIGIN: origin })).toThrow(
				'ORIGIN: ORIGIN must be a full http:// or https:// address'
			);
		}
	);

	it('keeps the dev tools off in production even on a local address unless asked for', () => {
		const env = { NODE_ENV: 'production', ORIGIN: 'http://localhost:3000' };
		expect(loadConfig(env).demoEnabled).toBe(false);
		expect(loadConfig({ ...env, MIDPOINT_DEMO: 'on' }).demoEnabled).toBe(true);
	});

	it('says where email goes: SMTP, the dev mailbox on a local server, else nowhere', () => {
		expect(loadConfig({ ORIGIN: publicOrigin }).emailDelivery).toBe('discard');
		expect(loadConfig({ ORIGIN: 'http://localhost:3000' }).emailDelivery).toBe('dev-mailbox');
		expect(loadConfig({ ORIGIN: publicOrigin, SMTP_URL: 'smtp://mail:25' }).emailDelivery).toBe(
			'smtp'
		);
	});

	it('reads the job intervals, and refuses a value that is not a number of milliseconds', () => {
		const config = loadConfig({ MIDPOINT_JOBS_POLL_MS: '200', MIDPOINT_REMINDER_SCAN_MS: '300' });
		expect(config.jobsPollMs).toBe(200);
		expect(config.reminderScanMs).toBe(300);
		expect(loadConfig({}).jobsPollMs).toBe(2000);
		expect(loadConfig({}).reminderScanMs).toBe(60_000);
		for (const [name, value] of [
			['MIDPOINT_JOBS_POLL_MS', 'soon'],
			['MIDPOINT_JOBS_POLL_MS', '0'],
			['MIDPOINT_REMINDER_SCAN_MS', '-5'],
			['MIDPOINT_REMINDER_SCAN_MS', '1.5'],
			['PORT', '70000']
		]) {
			expect(() => loadConfig({ [name!]: value }), `${name}=${value}`).toThrow(ConfigError);
			expect(() => loadConfig({ [name!]: value })).toThrow(new RegExp(`${name}: ${name} must`));
		}
	});

	it.each(['notanaddress', 'Midpoint <nobody>', 'a@'])('refuses MAIL_FROM %s', (from) => {
		expect(() => loadConfig({ MAIL_FROM: from })).toThrow(
			'MAIL_FROM: MAIL_FROM must be an address such as Midpoint <no-reply@example.com>'
		);
	});

	it('takes MAIL_FROM as a bare address or a name with one', () => {
		expect(loadConfig({ MAIL_FROM: 'no-reply@coach.example.com' }).mailFrom).toBe(
			'no-reply@coach.example.com'
		);
		expect(loadConfig({ MAIL_FROM: 'Lee Coaching <hello@lee.example>' }).mailFrom).toBe(
			'Lee Coaching <hello@lee.example>'
		);
		expect(loadConfig({}).mailFrom).toBe('Midpoint <no-reply@midpoint.local>');
	});

	it('names each bad variable in one message', () => {
		expect(() => loadConfig({ ORIGIN: 'coach.example.com', MIDPOINT_DEMO: 'yes' })).toThrow(
			/ORIGIN: ORIGIN must be a full http:\/\/ or https:\/\/ address[\s\S]*MIDPOINT_DEMO: MIDPOINT_DEMO must be on or off/
		);
	});

	it('reads the header a proxy sets to where a visitor is, and refuses one that is no header name', () => {
		expect(loadConfig({ PLACE_HEADER: ' CF-IPCountry ' }).placeHeader).toBe('cf-ipcountry');
		expect(loadConfig({}).placeHeader).toBeUndefined();
		expect(() => loadConfig({ PLACE_HEADER: 'where: here' })).toThrow(
			/PLACE_HEADER must be the name of a header your proxy sets/
		);
	});

	// The key store (decision 0041)
	it('keeps the key store beside the master key file, or where MIDPOINT_KEY_STORE_FILE says', () => {
		const store = (env: Record<string, string>) => {
			const { database } = loadConfig({ DATA_DIR: '/srv/data', ...env });
			return database.kind === 'sqlite' ? database.keyStoreFile : undefined;
		};
		expect(store({})).toBe('/srv/data/person-keys.db');
		expect(store({ MIDPOINT_MASTER_KEY_FILE: '/etc/midpoint/master.key' })).toBe(
			'/etc/midpoint/person-keys.db'
		);
		expect(store({ MIDPOINT_KEY_STORE_FILE: '/keys/people.db' })).toBe('/keys/people.db');
		expect(() => loadConfig({ MIDPOINT_KEY_STORE_FILE: '/keys/' })).toThrow(
			'MIDPOINT_KEY_STORE_FILE must name a file'
		);
		expect(() =>
			loadConfig({ DATA_DIR: '/srv/data', MIDPOINT_KEY_STORE_FILE: '/srv/data/midpoint.db' })
		).toThrow('must be a file of its own, not the database or the master key file');
		expect(() =>
			loadConfig({ DATABASE_URL: 'postgres://db/midpoint', MIDPOINT_KEY_STORE_FILE: '/k.db' })
		).toThrow('only for SQLite; on PostgreSQL the keys live in the midpoint_keys schema');
	});

	it('the README lists every setting it reads', () => {
		const readme = fs.readFileSync('README.md', 'utf8');
		const section = readme.slice(readme.indexOf('## Configuration'));
		const table = section.slice(0, section.indexOf('\n## ', 5));
		expect(configVariables.length).toBeGreaterThan(10);
		for (const name of configVariables) expect(table, name).toContain(`\`${name}\``);
	});
});

describe('what the server says at start', () => {
	it('warns loudly when email goes nowhere, and when the dev tools are on', async () => {
		const { startWarnings } = await import('./app.ts');
		const silent = startWarnings(loadConfig({ ORIGIN: publicOrigin }));
		expect(silent.join('\n')).toMatch(/email .* is NOT sent and NOT kept\. Set SMTP_URL/);
		expect(silent.join('\n')).not.toContain('demo button are on');
		const local = startWarnings(loadConfig({ ORIGIN: 'http://localhost:3000' }));
		expect(local.join('\n')).toContain('dev mailbox at http://localhost:3000/dev/mailbox');
		expect(local.join('\n')).toContain('the demo button are on');
		expect(startWarnings(loadConfig({ ORIGIN: publicOrigin, SMTP_URL: 'smtp://m:25' }))).toEqual(
			[]
		);
	});

	it('names NODE_ENV, not the address, when production turns the mailbox off on this computer', async () => {
		const { startWarnings } = await import('./app.ts');
		const said = startWarnings(
			loadConfig({ ORIGIN: 'http://127.0.0.1:4602', NODE_ENV: 'production' })
		).join('\n');
		expect(said).toContain('SMTP_URL is not set and NODE_ENV is production');
		expect(said).not.toContain('ORIGIN is not a local address');
	});

	it('names what turned the mailbox off, and warns of a dev mailbox others can read', async () => {
		const { startWarnings } = await import('./app.ts');
		const said = (env: Record<string, string>) => startWarnings(loadConfig(env)).join('\n');
		const local = 'http://localhost:3000';
		expect(said({ ORIGIN: local, MIDPOINT_DEMO: 'off' })).toContain(
			'SMTP_URL is not set and MIDPOINT_DEMO is off'
		);
		expect(said({ ORIGIN: local, HOST: '0.0.0.0' })).toContain(
			'SMTP_URL is not set and HOST 0.0.0.0 lets other computers connect'
		);
		for (const env of [
			{ ORIGIN: publicOrigin, MIDPOINT_DEMO: 'on' } as Record<string, string>,
			{ ORIGIN: local, HOST: '0.0.0.0', MIDPOINT_DEMO: 'on' }
		]) {
			expect(said(env)).toContain('anyone who reaches it can read every email in the dev mailbox');
			expect(said(env)).not.toContain('for this computer only');
		}
		expect(said({ ORIGIN: local, HOST: '127.0.0.1' })).toContain('for this computer only');
	});
});

// Accounts (0031): the client address behind a proxy.
describe('the client address behind a proxy', () => {
	it('reads the header a proxy sets and how many proxies are in front', () => {
		const config = loadConfig({ ADDRESS_HEADER: 'X-Forwarded-For', XFF_DEPTH: '2' });
		expect(config.clientAddress).toMatchObject({ header: 'x-forwarded-for', depth: 2 });
		expect(loadConfig({}).clientAddress).toMatchObject({ header: undefined, depth: 1 });
	});

	it.each([
		[{ ADDRESS_HEADER: 'host' }, 'ADDRESS_HEADER must name a header your proxy sets'],
		[{ ADDRESS_HEADER: 'x-forwarded-host' }, 'ADDRESS_HEADER must name a header your proxy sets'],
		[{ ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '0' }, 'XFF_DEPTH must be a whole number'],
		[{ ADDRESS_HEADER: 'x-real-ip', XFF_DEPTH: '2' }, 'XFF_DEPTH: only counts with'],
		[{ XFF_DEPTH: '1' }, 'XFF_DEPTH: only counts with']
	])('refuses %o, which would put every request at one address', (env, message) => {
		expect(() => loadConfig(env)).toThrow(ConfigError);
		expect(() => loadConfig(env)).toThrow(message);
	});

	it('warns when it listens on loopback for a public ORIGIN without ADDRESS_HEADER', async () => {
		const { startWarnings } = await import('./app.ts');
		const env = { ORIGIN: publicOrigin, SMTP_URL: 'smtp://m:25', HOST: '127.0.0.1' };
		expect(startWarnings(loadConfig(env)).join('\n')).toContain('Set ADDRESS_HEADER');
		expect(startWarnings(loadConfig({ ...env, ADDRESS_HEADER: 'x-real-ip' }))).toEqual([]);
	});
});
