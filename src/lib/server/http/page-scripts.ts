import { randomBytes } from 'node:crypto';
import type { Handle, RequestEvent } from '@sveltejs/kit';

/** How PageScript.svelte renders its tag; the nonce is added right after this text. */
const TAG = '<script type="module" data-page-script';

/**
 * Renders the page, and when it names standalone page scripts (PageScript.svelte), runs them
 * under a nonce of this response only: SvelteKit adds a nonce to its policy only for its own
 * inline scripts, which a page with csr = false does not have.
 */
export async function resolveWithPageScripts(
	event: RequestEvent,
	resolve: Parameters<Handle>[0]['resolve']
): Promise<Response> {
	// Made only for a page that has such a script: most have none.
	let nonce = null as string | null;
	const response = await resolve(event, {
		transformPageChunk: ({ html }) => {
			if (!html.includes(TAG)) return html;
			nonce ??= randomBytes(16).toString('base64');
			return html.replaceAll(TAG, `${TAG} nonce="${nonce}"`);
		}
	});
	const policy = response.headers.get('content-security-policy');
	if (nonce && policy)
		response.headers.set(
			'content-security-policy',
			policy.replace(/script-src ([^;]*)/, `script-src $1 'nonce-${nonce}'`)
		);
	return response;
}
