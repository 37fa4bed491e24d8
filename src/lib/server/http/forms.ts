/** Where links in emails and feeds point, and where a sign-in may send the person next. */

export function baseUrl(url: URL, configured?: string): string {
	return (configured ?? url.origin).replace(/\/$/, '');
}

/** Only same-site paths are followed after login, never another origin. */
export function safeNext(next: string | null | undefined): string {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\'))
		return '/home';
	return next;
}
