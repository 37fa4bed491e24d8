import { describe, expect, it } from 'vitest';
import type { RequestEvent, ResolveOptions } from '@sveltejs/kit';
import { resolveWithPageScripts } from './page-scripts.ts';

const POLICY = "default-src 'self'; script-src 'self'; object-src 'none'";

/** Renders `html` as SvelteKit would: through the page's chunk transform, under POLICY. */
async function render(html: string) {
	const response = await resolveWithPageScripts(
		{} as RequestEvent,
		async (_event, opts?: ResolveOptions) => {
			const body = (await opts?.transformPageChunk?.({ html, done: true })) ?? html;
			return new Response(body, { headers: { 'content-security-policy': POLICY } });
		}
	);
	return { html: await response.text(), policy: response.headers.get('content-security-policy') };
}

describe('standalone page scripts', () => {
	it('run under a nonce of this response only, named in the tag and in the policy', async () => {
		const page = '<head><script type="module" data-page-script src="/_app/x.js"></script></head>';
		const first = await render(page);
		const nonce = /nonce="([^"]+)"/.exec(first.html)?.[1];
		expect(nonce).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
		expect(first.policy).toBe(
			`default-src 'self'; script-src 'self' 'nonce-${nonce}'; object-src 'none'`
		);
		const second = await render(page);
		expect(second.html).not.toContain(nonce);
	});

	it('leave a page without them, and its policy, as they were', async () => {
		const page = '<head><title>x</title></head><p>No script here.</p>';
		expect(await render(page)).toEqual({ html: page, policy: POLICY });
	});
});
