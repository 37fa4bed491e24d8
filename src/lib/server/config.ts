import path from 'node:path';
import { z } from 'zod';
import { isLocalOrigin, isLoopbackHost } from './dev-tools.ts';

/** A whole number of milliseconds within bounds, with a message that names the variable. */
function millis(name: string, fallback: number) {
	const message = `${name} must be a whole number of milliseconds from 10 to 86400000`;
	return z
		.string()
		.regex(/^\d+$/, message)
		.transform(Number)
		.pipe(z.number().int(message).min(10, message).max(86_400_000, message))
		.default(fallback);
}

// Accounts (0031): headers a proxy sets to each visitor's own address. Any other header (Host,
// X-Forwarded-Host, …) is the same for every request, which would put everyone in one rate limit.
const ADDRESS_HEADERS = [
	'x-forwarded-for',
	'x-real-ip',
	'cf-connecting-ip',
	'true-client-ip',
	'fly-client-ip',
	'x-client-ip'
] as const;

const onOff = (name: string) => z.enum(['on', 'off'], `${name} must be on or off`);

/** Every variable Midpoint reads (the README's configuration table lists each). */
const envSchema = z.object({
	NODE_ENV: z
		.enum(['development', 'production', 'test'], 'NODE_ENV must be development, production or test')
		.default('development'),
	PORT: z
		.string()
		.regex(/^\d+$/, 'PORT must be a whole number from 1 to 65535')
		.refine(
			(v) => Number(v) >= 1 && Number(v) <= 65535,
			'PORT must be a whole number from 1 to 65535'
		)
		.optional(),
	HOST: z.string().min(1).optional(),
	DATABASE_URL: z
		.string()
		.regex(
			/^postgres(ql)?:\/\//,
			'DATABASE_URL must start with postgres:// (leave it unset for SQLite)'
		)
		.optional(),
	DATA_DIR: z.string().min(1).default('data'),
	SMTP_URL: z
		.string()
		.regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://')
		.optional(),
	MAIL_FROM: z
		.string()
		.regex(
			/^(?:[^<>]*<\s*[^\s@<>]+@[^\s@<>]+\s*>|[^\s@<>]+@[^\s@<>]+)$/,
			'MAIL_FROM must be an address such as Midpoint <no-reply@example.com>'
		)
		.default('Midpoint <no-reply@midpoint.local>'),
	ORIGIN: z
		.url({
			protocol: /^https?$/,
			error: 'ORIGIN must be a full http:// or https:// address such as https://coach.example.com'
		})
		.optional(),
	LOG_LEVEL: z
		.enum(
			['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
			'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent'
		)
		.default('info'),
	MIDPOINT_JOBS: onOff('MIDPOINT_JOBS').default('on'),
	MIDPOINT_JOBS_POLL_MS: millis('MIDPOINT_JOBS_POLL_MS', 2000),
	MIDPOINT_REMINDER_SCAN_MS: millis('MIDPOINT_REMINDER_SCAN_MS', 60_000),
	MIDPOINT_DEMO: onOff('MIDPOINT_DEMO').optional(),
	MIDPOINT_START_WITH_LOST_KEYS: onOff('MIDPOINT_START_WITH_LOST_KEYS').default('off'),
	// Accounts (0031): read by adapter-node itself; checked here so a bad one stops the start.
	ADDRESS_HEADER: z
		.string()
		.transform((v) => v.trim().toLowerCase())
		.pipe(
			z.enum(
				ADDRESS_HEADERS,
				`ADDRESS_HEADER must name a header your proxy sets to each visitor's own address: ${ADDRESS_HEADERS.join(', ')}`
			)
		)
		.optional(),
	XFF_DEPTH: z
		.string()
		.regex(/^([1-9]|10)$/, 'XFF_DEPTH must be a whole number from 1 to 10 (the proxies in front)')
		.transform(Number)
		.optional(),
	PLACE_HEADER: z
		.string()
		.transform((v) => v.trim().toLowerCase())
		.pipe(
			z
				.string()
				.regex(
					/^[a-z0-9-]{1,64}$/,
					'PLACE_HEADER must be the name of a header your proxy sets to where a visitor is (for example cf-ipcountry)'
				)
		)
		.optional(),
	MIDPOINT_MASTER_KEY: z
		.string()
		.refine(
			(v) => Buffer.from(v, 'base64').length === 32,
			'MIDPOINT_MASTER_KEY must be base64 of exactly 32 bytes (openssl rand -base64 32)'
		)
		.optional(),
	// Keys and rotation (decision 0037)
	MIDPOINT_OLD_MASTER_KEY: z
		.string()
		.refine(
			(v) => Buffer.from(v, 'base64').length === 32,
			'MIDPOINT_OLD_MASTER_KEY must be base64 of exactly 32 bytes (the key being replaced)'
		)
		.optional(),
	MIDPOINT_MASTER_KEY_FILE: z
		.string()
		.refine(
			(v) => !v.endsWith('/') && !v.includes('\0'),
			'MIDPOINT_MASTER_KEY_FILE must name a file, e.g. /etc/midpoint/master.key'
		)
		.optional(),
	// The structure check's R (decision 0032); the instrument commands read it too.
	RSCRIPT: z
		.string()
		.refine(
			(v) => !v.endsWith('/') && !v.includes('\0'),
			'RSCRIPT must name the Rscript program, e.g. /usr/bin/Rscript'
		)
		.optional(),
	// The key store, outside what `midpoint backup` copies (decision 0041)
	MIDPOINT_KEY_STORE_FILE: z
		.string()
		.refine(
			(v) => !v.endsWith('/') && !v.includes('\0'),
			'MIDPOINT_KEY_STORE_FILE must name a file, e.g. /etc/midpoint/person-keys.db'
		)
		.optional()
});

export const configVariables = Object.keys(envSchema.shape);

export type Config = {
	env: 'development' | 'production' | 'test';
	isProduction: boolean;
	/** On SQLite, `keyStoreFile` holds the wrapped data keys, attached as `midpoint_keys` (0041). */
	database:
		{ kind: 'sqlite'; file: string; keyStoreFile: string } | { kind: 'postgres'; url: string };
	dataDir: string;
	smtpUrl: string | undefined;
	mailFrom: string;
	/** The address people reach Midpoint at (ORIGIN), used in emailed links; else the request's own. */
	publicUrl: string | undefined;
	logLevel: string;
	jobsEnabled: boolean;
	jobsPollMs: number;
	reminderScanMs: number;
	/**
	 * The demo button and the dev mailbox: on only where ORIGIN is this machine and the server
	 * listens on this machine only (and not in production), or where MIDPOINT_DEMO=on asks for
	 * them (docs/decisions/0025).
	 */
	demoEnabled: boolean;
	/** Why the dev tools are on or off, for what the server says at start. */
	reach: {
		/** MIDPOINT_DEMO as set, if it is. */
		demoSetting: 'on' | 'off' | undefined;
		/** ORIGIN names this machine (or is unset outside production). */
		localOrigin: boolean;
		/** HOST is unset or a loopback address: nobody else can connect. */
		localHost: boolean;
		host: string | undefined;
	};
	/** The Rscript program for the structure check; unset: Rscript on the PATH. */
	rscript: string | undefined;
	/** Where email goes: SMTP; else the dev mailbox where that is on; else nowhere (logged). */
	emailDelivery: 'smtp' | 'dev-mailbox' | 'discard';
	/** Base64 master key from the environment; else a key file in the data folder (SQLite only). */
	masterKey: string | undefined;
	/** During a rotation: the key being replaced, still read, never written (decision 0037). */
	previousMasterKey: string | undefined;
	/** The key file (MIDPOINT_MASTER_KEY_FILE, else DATA_DIR/master.key), when no key is in the environment. */
	masterKeyFile: string;
	masterKeyFileSet: boolean;
	/**
	 * MIDPOINT_START_WITH_LOST_KEYS=on: start although the key store lacks keys of people whose
	 * text is encrypted (decision 0041), for an operator who has no copy to put back.
	 */
	startWithLostKeys: boolean;
	/**
	 * Where a visitor's address comes from (0031): the connection, or the header a proxy sets
	 * (ADDRESS_HEADER, XFF_DEPTH, applied by adapter-node). Rate limits key on it.
	 */
	clientAddress: { header: string | undefined; depth: number; loopbackOnly: boolean };
	/** A header the proxy sets to where a visitor is, shown beside their sessions (issue 10). */
	placeHeader: string | undefined;
};

export class ConfigError extends Error {}

/**
 * The SQLite key store (decision 0041): MIDPOINT_KEY_STORE_FILE, else beside the master key file
 * (the data folder when the key comes from the environment). Never the database file itself.
 */
function keyStoreFileOf(setting: string | undefined, masterKeyFile: string, dataDir: string) {
	const file = setting
		? path.resolve(setting)
		: path.join(path.dirname(masterKeyFile), 'person-keys.db');
	if (file === path.join(dataDir, 'midpoint.db') || file === masterKeyFile)
		throw new ConfigError(
			'Midpoint cannot start: the configuration is invalid.\n  MIDPOINT_KEY_STORE_FILE: must be a file of its own, not the database or the master key file'
		);
	return file;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
	const cleaned = Object.fromEntries(
		Object.entries(env).filter(([k, v]) => v !== undefined && v !== '' && k in envSchema.shape)
	);
	const parsed = envSchema.safeParse(cleaned);
	if (!parsed.success) {
		const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
		throw new ConfigError(
			`Midpoint cannot start: the configuration is invalid.\n${lines.join('\n')}`
		);
	}
	const e = parsed.data;
	if (e.MIDPOINT_MASTER_KEY && e.MIDPOINT_MASTER_KEY_FILE)
		throw new ConfigError(
			'Midpoint cannot start: the configuration is invalid.\n  MIDPOINT_MASTER_KEY_FILE: set either MIDPOINT_MASTER_KEY or MIDPOINT_MASTER_KEY_FILE, not both'
		);
	if (e.XFF_DEPTH !== undefined && e.ADDRESS_HEADER !== 'x-forwarded-for')
		throw new ConfigError(
			'Midpoint cannot start: the configuration is invalid.\n  XFF_DEPTH: only counts with ADDRESS_HEADER=x-forwarded-for'
		);
	const dataDir = path.resolve(e.DATA_DIR);
	const masterKeyFile = e.MIDPOINT_MASTER_KEY_FILE
		? path.resolve(e.MIDPOINT_MASTER_KEY_FILE)
		: path.join(dataDir, 'master.key');
	const keyStoreFile = keyStoreFileOf(e.MIDPOINT_KEY_STORE_FILE, masterKeyFile, dataDir);
	if (e.MIDPOINT_KEY_STORE_FILE && e.DATABASE_URL)
		throw new ConfigError(
			'Midpoint cannot start: the configuration is invalid.\n  MIDPOINT_KEY_STORE_FILE: only for SQLite; on PostgreSQL the keys live in the midpoint_keys schema'
		);
	const isProduction = e.NODE_ENV === 'production';
	const localOrigin = isLocalOrigin(e.ORIGIN, isProduction);
	const localHost = isLoopbackHost(e.HOST);
	// A local ORIGIN on a server others can connect to (HOST=0.0.0.0) is not local: the dev
	// mailbox holds password-reset links.
	const local = localOrigin && localHost && !isProduction;
	const demoEnabled = e.MIDPOINT_DEMO ? e.MIDPOINT_DEMO === 'on' : local;
	return {
		env: e.NODE_ENV,
		isProduction,
		database: e.DATABASE_URL
			? { kind: 'postgres', url: e.DATABASE_URL }
			: { kind: 'sqlite', file: path.join(dataDir, 'midpoint.db'), keyStoreFile },
		dataDir,
		smtpUrl: e.SMTP_URL,
		mailFrom: e.MAIL_FROM,
		publicUrl: e.ORIGIN,
		logLevel: e.LOG_LEVEL,
		jobsEnabled: e.MIDPOINT_JOBS === 'on',
		jobsPollMs: e.MIDPOINT_JOBS_POLL_MS,
		reminderScanMs: e.MIDPOINT_REMINDER_SCAN_MS,
		demoEnabled,
		reach: { demoSetting: e.MIDPOINT_DEMO, localOrigin, localHost, host: e.HOST },
		rscript: e.RSCRIPT,
		emailDelivery: e.SMTP_URL ? 'smtp' : demoEnabled ? 'dev-mailbox' : 'discard',
		masterKey: e.MIDPOINT_MASTER_KEY,
		previousMasterKey: e.MIDPOINT_OLD_MASTER_KEY,
		masterKeyFile,
		masterKeyFileSet: e.MIDPOINT_MASTER_KEY_FILE !== undefined,
		startWithLostKeys: e.MIDPOINT_START_WITH_LOST_KEYS === 'on',
		clientAddress: {
			header: e.ADDRESS_HEADER,
			depth: e.XFF_DEPTH ?? 1,
			loopbackOnly: e.HOST !== undefined && localHost
		},
		placeHeader: e.PLACE_HEADER
	};
}
