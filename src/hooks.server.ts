import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { resolveSession } from '$lib/server/auth/sessions';
import { startApp, type RunningApp } from '$lib/server/app';
import { guardRoute } from '$lib/server/http/guard';
import { securityHeaders } from '$lib/server/http/headers';
import { resolveWithPageScripts } from '$lib/server/http/page-scripts';
import { readSessionCookie } from '$lib/server/http/cookies';
import { loggablePath } from '$lib/server/logger';
import { mustSetUpSecondFactor } from '$lib/server/two-factor/requirement';
import { unavailability } from '$lib/server/db/unavailable';
import { typedFields, unavailableResponse } from '$lib/server/http/unavailable-page';

let app: RunningApp | undefined;
let starting: Promise<RunningApp> | undefined;

async function running(): Promise<RunningApp> {
	starting ??= startApp().then((started) => (app = started));
	return app ?? starting;
}

export const init: ServerInit = async () => {
	try {
		await running();
	} catch (err) {
		// A bad configuration or an unreachable database: say so plainly and stop.
		console.error(err instanceof Error ? err.message : String(err));
		process.exit(1);
	}
	const stop = async () => {
		await app?.stop();
		process.exit(0);
	};
	process.once('SIGTERM', stop);
	process.once('SIGINT', stop);
	// A promise one request left without a handler must not stop the server for everyone (a
	// body over the size limit once did): log it loudly and go on.
	process.on('unhandledRejection', (reason) =>
		app?.ctx.log.error({ err: reason }, 'unhandled rejection: logged, and the server goes on')
	);
};

const REQUEST_ID = /^[A-Za-z0-9-]{8,64}$/;

export const handle: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const { ctx } = await running();
	const incoming = event.request.headers.get('x-request-id');
	event.locals.requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
	event.locals.log = ctx.log.child({ requestId: event.locals.requestId });
	// Use-cases log through a child that carries the request id (security events among them, 0031).
	event.locals.ctx = { ...ctx, log: event.locals.log };

	// A copy of a form post's body, to give back what was typed if the database is unavailable.
	const copy = event.request.method === 'POST' ? event.request.clone() : null;
	let response: Response;
	try {
		response = await resolveWithSession({ event, resolve });
	} catch (err) {
		event.locals.unavailable = unavailability(err) ?? undefined;
		if (!event.locals.unavailable) throw err;
		response = new Response(null, { status: 503 });
	}
	if (event.locals.unavailable) {
		event.locals.log[event.locals.unavailable === 'storage' ? 'error' : 'warn'](
			{ kind: event.locals.unavailable, path: loggablePath(event.url.pathname) },
			'database unavailable: answered 503'
		);
		response = unavailableResponse(event.locals.unavailable, {
			url: event.url,
			method: event.request.method,
			viaScript: event.request.headers.get('x-sveltekit-action') === 'true',
			fields: await typedFields(copy)
		});
	} else
		// Caught: a body over BODY_SIZE_LIMIT has already failed, and cancelling its copy then
		// rejects; left unhandled, that rejection would stop the whole server.
		copy?.body?.cancel().catch(() => {});
	for (const [name, value] of Object.entries(securityHeaders(event.url))) {
		response.headers.set(name, value);
	}
	response.headers.set('x-request-id', event.locals.requestId);
	if (event.locals.signedIn) response.headers.set('cache-control', 'private, no-store');

	event.locals.log.info(
		{
			method: event.request.method,
			path: loggablePath(event.url.pathname),
			route: event.route.id,
			status: response.status,
			ms: Math.round(performance.now() - started)
		},
		'request'
	);
	return response;
};

/** Who is signed in, the route's guard, then the page or action itself. */
async function resolveWithSession(...[{ event, resolve }]: Parameters<Handle>): Promise<Response> {
	const { ctx } = event.locals;
	const token = readSessionCookie(event.cookies, event.url);
	event.locals.signedIn = token ? await resolveSession(ctx, token) : null;
	if (event.locals.signedIn)
		event.locals.mustSetUpSecondFactor = await mustSetUpSecondFactor(
			ctx,
			event.locals.signedIn.actor
		);
	guardRoute(event);
	return resolveWithPageScripts(event, resolve);
}

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const requestId = event.locals.requestId ?? randomUUID();
	// The database is down or cannot write: `handle` answers 503 instead of this error page.
	const unavailable = unavailability(error);
	if (unavailable) {
		event.locals.unavailable = unavailable;
		return { message: 'Back in a moment.', requestId };
	}
	if (status >= 500) {
		const log = event.locals.log ?? app?.ctx.log;
		const err =
			error instanceof Error ? { message: error.message, stack: error.stack } : String(error);
		log?.error({ err, requestId }, 'unexpected error');
		return {
			message: 'Something went wrong on our side. Please try again in a moment.',
			requestId
		};
	}
	return { message, requestId };
};
