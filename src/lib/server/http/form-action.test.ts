import {
	isActionFailure,
	isRedirect,
	redirect,
	type ActionFailure,
	type RequestEvent
} from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DomainError, errorCodes, type ErrorCode } from '../../domain/errors.ts';
import { formAction, parseValues, type FormState } from './form-action.ts';

/** A form post as SvelteKit hands it to an action, recording the headers the action sets. */
function post(fields: Record<string, string>) {
	const body = new FormData();
	for (const [k, v] of Object.entries(fields)) body.append(k, v);
	const headers: Record<string, string> = {};
	const event = {
		request: new Request('http://localhost/page?/save', { method: 'POST', body }),
		setHeaders: (h: Record<string, string>) => Object.assign(headers, h)
	} as unknown as RequestEvent;
	return { event, headers };
}

/** The action's answer, which must be a refused form. */
function refusal(answer: unknown): ActionFailure<FormState> {
	expect(isActionFailure(answer)).toBe(true);
	return answer as ActionFailure<FormState>;
}

const refusing = (err: unknown) => formAction(async () => Promise.reject(err));

describe('formAction', () => {
	it.each(Object.entries(errorCodes) as [ErrorCode, number][])(
		'answers a %s refusal with status %i and the form as it was filled in',
		async (code, status) => {
			const { event } = post({ name: 'Amara', email: 'amara@example' });
			const answer = await refusing(
				new DomainError(code, 'Something to say.', { fields: { email: 'Check this.' } })
			)(event);
			expect(isActionFailure(answer)).toBe(true);
			expect(answer).toMatchObject({
				status,
				data: {
					values: { name: 'Amara', email: 'amara@example' },
					fields: { email: 'Check this.' },
					message: 'Something to say.'
				}
			});
		}
	);

	it('never echoes a password back, whatever the refusal', async () => {
		const { event } = post({ email: 'a@b.c', password: 'secret one', confirm: 'x', current: 'y' });
		const answer = await refusing(new DomainError('unauthenticated', 'Wrong password.'))(event);
		expect(refusal(answer).data.values).toEqual({ email: 'a@b.c' });
	});

	it('sets Retry-After from a refusal that says when to try again', async () => {
		const { event, headers } = post({});
		const err = new DomainError('rate_limited', 'Wait.', { retryAfterSeconds: 900 });
		const answer = await refusing(err)(event);
		expect(refusal(answer).status).toBe(429);
		expect(headers).toEqual({ 'retry-after': '900' });
	});

	it('tags the answer with the form it came from, so the page shows it there', async () => {
		const { event } = post({ body: 'My reply', form: 'forged' });
		const answer = await formAction(
			async () => {
				throw new DomainError('conflict', 'Too late.');
			},
			{ form: 'reply' }
		)(event);
		expect(refusal(answer).data.values).toEqual({
			body: 'My reply',
			form: 'reply'
		});
	});

	it('turns a form that does not parse into one message per field, nothing run', async () => {
		const { event } = post({ name: '  ' });
		let ran = false;
		const schema = z.object({ name: z.string().trim().min(1, 'Enter your name.') });
		const answer = await formAction(async (_event, { values }) => {
			parseValues(schema, values);
			ran = true;
		})(event);
		expect(ran).toBe(false);
		expect(answer).toMatchObject({
			status: 400,
			data: { fields: { name: 'Enter your name.' }, values: { name: '  ' } }
		});
	});

	it('hands the step every value, multi-valued fields included, and returns its answer', async () => {
		const body = new FormData();
		body.append('domains', 'DEP');
		body.append('domains', 'MUT');
		const event = {
			request: new Request('http://localhost/', { method: 'POST', body }),
			setHeaders: () => {}
		} as unknown as RequestEvent;
		const answer = await formAction(async (_event, { data }) => ({
			saved: data.getAll('domains')
		}))(event);
		expect(answer).toEqual({ saved: ['DEP', 'MUT'] });
	});

	it('lets redirects and unexpected errors through, never as a form answer', async () => {
		const sent = () => post({}).event;
		await expect(refusing(new Error('database is down'))(sent())).rejects.toThrow(
			'database is down'
		);
		const moved = formAction(async () => redirect(303, '/next'));
		const thrown = await moved(sent()).catch((e: unknown) => e);
		expect(isRedirect(thrown) && thrown.location).toBe('/next');
	});
});
