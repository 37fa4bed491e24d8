import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { can } from '../../domain/policies.ts';
import { routeTable } from '../route-table.ts';

const SET_UP_SECOND_FACTOR = '/account/two-factor';
const YOUR_DATA = '/account/data';

/** Applies the route table's declaration for this route before any load or action runs. */
export function guardRoute(event: RequestEvent): void {
	const routeId = event.route.id;
	if (routeId === null) return; // no route matched: SvelteKit answers 404
	const access = routeTable[routeId];
	if (!access) throw error(500, 'This page has no access rule declared.');
	const signedIn = event.locals.signedIn;
	switch (access.kind) {
		case 'public':
			return;
		case 'signed-out':
			if (signedIn && event.request.method === 'GET') throw redirect(303, '/home');
			return;
		case 'dev-only':
			if (!event.locals.ctx.config.demoEnabled) throw error(404, 'Not found');
			return;
		case 'signed-in':
		case 'record':
		case 'policy': {
			if (!signedIn) {
				const next = event.url.pathname + event.url.search;
				throw redirect(303, `/login?next=${encodeURIComponent(next)}`);
			}
			// A practice that requires a second factor: its staff set one up before anything else.
			if (event.locals.mustSetUpSecondFactor && routeId !== SET_UP_SECOND_FACTOR)
				throw redirect(303, `${SET_UP_SECOND_FACTOR}?required=1`);
			// An account waiting to be deleted shows its grace period and the undo, and nothing else.
			if (signedIn.deletionDueAt && !routeId.startsWith(YOUR_DATA)) throw redirect(303, YOUR_DATA);
			const params = event.params as Record<string, string>;
			if (
				access.kind === 'policy' &&
				!can(signedIn.actor, access.action, access.resource(params))
			) {
				throw error(403, 'You do not have access to this page.');
			}
			return;
		}
	}
}
