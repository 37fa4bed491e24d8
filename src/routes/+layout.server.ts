import { draftOwnerOf } from '$lib/server/auth/draft-owner';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
	const signedIn = locals.signedIn;
	return {
		signedIn: signedIn
			? {
					name: signedIn.user.name,
					draftOwner: draftOwnerOf(locals.ctx, signedIn.user.id),
					kind: signedIn.user.kind,
					practices: Object.entries(signedIn.actor.practices).map(([id, roles]) => ({
						id,
						roles: [...roles]
					}))
				}
			: null,
		devTools: locals.ctx.config.demoEnabled
	};
};
