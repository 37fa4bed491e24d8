import pino, { type Logger } from 'pino';

/** JSON logs. Secrets never reach them: known fields are redacted, and URLs are logged without tokens. */
export function createLogger(level: string): Logger {
	return pino({
		level,
		base: undefined,
		redact: {
			paths: [
				'password',
				'*.password',
				'token',
				'*.token',
				'cookie',
				'*.cookie',
				'headers.cookie',
				'headers.authorization',
				'*.current',
				'*.confirm'
			],
			censor: '[redacted]'
		}
	});
}

/**
 * /reset-password/abc… → /reset-password/[token], /calendar/abc….ics → /calendar/[token].ics:
 * tokens in links never reach a log line.
 */
export function loggablePath(pathname: string): string {
	return pathname.replace(/\/[A-Za-z0-9_-]{40,}(?=\/|\.|$)/g, '/[token]');
}
