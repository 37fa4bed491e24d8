import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { handleError } from './hooks.server.ts';

function eventWithLog(lines: string[]): RequestEvent {
	const log = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
	return { locals: { requestId: 'req-12345678', log } } as unknown as RequestEvent;
}

describe('unexpected errors', () => {
	it('show a generic message with the request id, and log the stack for the team', async () => {
		const lines: string[] = [];
		const failure = new Error('relation "secrets" does not exist');
		const shown = await handleError({
			error: failure,
			event: eventWithLog(lines),
			status: 500,
			message: 'Internal Error'
		});
		expect(shown).toEqual({
			message: 'Something went wrong on our side. Please try again in a moment.',
			requestId: 'req-12345678'
		});
		expect(JSON.stringify(shown)).not.toContain('secrets');
		const logged = JSON.parse(lines[0]!);
		expect(logged.requestId).toBe('req-12345678');
		expect(logged.err.message).toBe('relation "secrets" does not exist');
		expect(logged.err.stack).toContain('hooks.server.test.ts');
	});

	it('pass an expected error (404) through with its own message', async () => {
		const shown = await handleError({
			error: new Error('x'),
			event: eventWithLog([]),
			status: 404,
			message: 'Not Found'
		});
		expect(shown).toEqual({ message: 'Not Found', requestId: 'req-12345678' });
	});
});
