import type { Logger } from 'pino';
import type { SignedIn } from '$lib/server/auth/sessions';
import type { AppContext } from '$lib/server/context';

declare global {
	namespace App {
		interface Error {
			message: string;
			requestId?: string;
		}
		interface Locals {
			requestId: string;
			log: Logger;
			ctx: AppContext;
			signedIn: SignedIn | null;
			/** Staff of a practice that requires a second factor, without one yet (0030). */
			mustSetUpSecondFactor?: boolean;
			/** Set when the database could not be used during this request (db/unavailable.ts). */
			unavailable?: import('$lib/server/db/unavailable').Unavailability;
		}
		interface PageData {
			signedIn?: {
				name: string;
				/** Opaque name for this person's journal copies in the browser (auth/draft-owner.ts). */
				draftOwner: string;
				kind: 'coach' | 'client';
				practices: { id: string; roles: string[] }[];
			} | null;
		}
	}
}

export {};
