import path from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
	NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
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
	MAIL_FROM: z.string().min(3).default('Midpoint <no-reply@midpoint.local>'),
	ORIGIN: z.url('ORIGIN must be a full URL such as https://coach.example.com').optional(),
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
	MIDPOINT_JOBS: z.enum(['on', 'off']).default('on'),
	MIDPOINT_DEMO: z.enum(['on', 'off']).optional(),
	MIDPOINT_MASTER_KEY: z
		.string()
		.refine(
			(v) => Buffer.from(v, 'base64').length === 32,
			'MIDPOINT_MASTER_KEY must be base64 of exactly 32 bytes (openssl rand -base64 32)'
		)
		.optional()
});

export type Config = {
	env: 'development' | 'production' | 'test';
	isProduction: boolean;
	database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
	dataDir: string;
	smtpUrl: string | undefined;
	mailFrom: string;
	/** The address people reach Midpoint at (ORIGIN), used in emailed links; else the request's own. */
	publicUrl: string | undefined;
	logLevel: string;
	jobsEnabled: boolean;
	/** The demo seeder and dev mailbox exist only outside production unless asked for. */
	demoEnabled: boolean;
	/** Base64 master key from the environment; else a key file in the data folder (SQLite only). */
	masterKey: string | undefined;
};

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
	const cleaned = Object.fromEntries(
		Object.entries(env).filter(([, v]) => v !== undefined && v !== '')
	);
	const parsed = envSchema.safeParse(cleaned);
	if (!parsed.success) {
		const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
		throw new ConfigError(
			`Midpoint cannot start: the configuration is invalid.\n${lines.join('\n')}`
		);
	}
	const e = parsed.data;
	const dataDir = path.resolve(e.DATA_DIR);
	const isProduction = e.NODE_ENV === 'production';
	return {
		env: e.NODE_ENV,
		isProduction,
		database: e.DATABASE_URL
			? { kind: 'postgres', url: e.DATABASE_URL }
			: { kind: 'sqlite', file: path.join(dataDir, 'midpoint.db') },
		dataDir,
		smtpUrl: e.SMTP_URL,
		mailFrom: e.MAIL_FROM,
		publicUrl: e.ORIGIN,
		logLevel: e.LOG_LEVEL,
		jobsEnabled: e.MIDPOINT_JOBS === 'on',
		demoEnabled: e.MIDPOINT_DEMO ? e.MIDPOINT_DEMO === 'on' : !isProduction,
		masterKey: e.MIDPOINT_MASTER_KEY
	};
}
