import { error } from '@sveltejs/kit';
import { isDomainError } from '$lib/domain/errors';
import { can } from '$lib/domain/policies';
import { todayFor } from '$lib/domain/actions/dates';
import {
	ROSTER_FILTERS,
	ROSTER_SORTS,
	type RosterFilter,
	type RosterSort
} from '$lib/domain/roster';
import { getPracticeOverview } from '$lib/server/practices/get-practice-overview';
import { listRoster } from '$lib/server/roster/list-roster';
import { getDigestMode, setDigestMode } from '$lib/server/digest/set-digest-mode';
import { failFromError, formValues } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

function pick<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
	return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const actor = locals.signedIn!.actor;
	const search = (url.searchParams.get('q') ?? '').slice(0, 200);
	const query = {
		sort: pick<RosterSort>(url.searchParams.get('sort'), ROSTER_SORTS, 'name'),
		filter: pick<RosterFilter>(url.searchParams.get('show'), ROSTER_FILTERS, 'all'),
		scope: pick(url.searchParams.get('scope'), ['mine', 'all'] as const, 'mine'),
		search,
		page: Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1)
	};
	try {
		const practice = await getPracticeOverview(locals.ctx, {
			actor,
			practiceId: params.practiceId
		});
		const roster = can(actor, 'practice.roster', { practiceId: params.practiceId })
			? await listRoster(locals.ctx, { actor, practiceId: params.practiceId, ...query })
			: null;
		const isCoach = (actor.practices[params.practiceId] ?? []).includes('coach');
		return {
			practice,
			roster,
			query,
			today: todayFor(locals.ctx.now()),
			digestMode: isCoach ? await getDigestMode(locals.ctx, { actor }) : null
		};
	} catch (err) {
		if (isDomainError(err)) error(err.status, err.message);
		throw err;
	}
};

export const actions: Actions = {
	digest: async ({ request, locals }) => {
		const values = formValues(await request.formData());
		try {
			await setDigestMode(locals.ctx, { actor: locals.signedIn!.actor, mode: values.mode ?? '' });
		} catch (err) {
			return failFromError(err, values);
		}
		return { digest: 'saved' };
	}
};
