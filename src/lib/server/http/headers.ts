/** Headers for every response; the CSP itself comes from SvelteKit (kit.csp, with nonces). */
export function securityHeaders(url: URL): Record<string, string> {
	const headers: Record<string, string> = {
		'x-content-type-options': 'nosniff',
		'x-frame-options': 'DENY',
		'referrer-policy': 'same-origin',
		'permissions-policy': 'camera=(), microphone=(), geolocation=()',
		'cross-origin-opener-policy': 'same-origin'
	};
	if (url.protocol === 'https:')
		headers['strict-transport-security'] = 'max-age=63072000; includeSubDomains';
	return headers;
}
