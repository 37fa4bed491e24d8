import type { Transport } from '@sveltejs/kit';
import { ServerOnly } from '$lib/server-only';

export const transport: Transport = {
	// Rendered on the server and never hydrated: nothing of it is serialised for the browser.
	ServerOnly: {
		encode: (value) => value instanceof ServerOnly && [],
		decode: () => new ServerOnly(null)
	}
};
