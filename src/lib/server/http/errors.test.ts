import { isHttpError, isRedirect, redirect, type RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { DomainError, errorCodes, type ErrorCode } from '../../domain/errors.ts';
import { plainErrorResponse } from './errors.ts';
import { withErrorPage, withLinkProblem } from './load.ts';

function event() {
	const headers: Record<string, string> = {};
	const setHeaders = (h: Record<string, string>) => Object.assign(headers, h);
	return { event: { setHeaders } as unknown as RequestEvent, headers };
}

describe('withErrorPage', () => {
	it.each(Object.entries(errorCodes) as [ErrorCode, number][])(
		'shows a %s refusal as the error page with status %i and its message',
		async (code, status) => {
			const thrown = await withErrorPage(event().event, async () => {
				throw new DomainError(code, 'There is no such thing here.');
			}).catch((e: unknown) => e);
			expect(isHttpError(thrown)).toBe(true);
			expect(thrown).toMatchObject({ status, body: { message: 'There is no such thing here.' } });
		}
	);

	it('sets Retry-After when the refusal says when to come back', async () => {
		const { event: e, headers } = event();
		const err = new DomainError('rate_limited', 'Wait.', { retryAfterSeconds: 60 });
		await expect(withErrorPage(e, () => Promise.reject(err))).rejects.toMatchObject({
			status: 429
		});
		expect(headers).toEqual({ 'retry-after': '60' });
	});

	it('returns what the load returns, and lets redirects and bugs through untouched', async () => {
		expect(await withErrorPage(event().event, async () => ({ page: 1 }))).toEqual({ page: 1 });
		const bug = new TypeError('x is undefined');
		await expect(withErrorPage(event().event, () => Promise.reject(bug))).rejects.toBe(bug);
		const moved = await withErrorPage(event().event, async () => redirect(303, '/home')).catch(
			(e: unknown) => e
		);
		expect(isRedirect(moved)).toBe(true);
	});
});

describe('withLinkProblem', () => {
	it('tells a used or expired link on the page, and rethrows anything else', async () => {
		expect(await withLinkProblem(async () => 'found')).toEqual({
			found: 'found',
			linkProblem: null
		});
		expect(
			await withLinkProblem(() => Promise.reject(new DomainError('gone', 'This link has expired.')))
		).toEqual({ found: null, linkProblem: 'This link has expired.' });
		await expect(withLinkProblem(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
	});
});

describe('plainErrorResponse', () => {
	it('answers a program with the refusal as plain text, with its status', async () => {
		const res = plainErrorResponse(new DomainError('not_found', 'No such feed.'), {
			'cache-control': 'no-store'
		});
		expect(res.status).toBe(404);
		expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
		expect(res.headers.get('cache-control')).toBe('no-store');
		expect(await res.text()).toBe('No such feed.\n');
		expect(() => plainErrorResponse(new Error('bug'))).toThrow('bug');
	});
});
