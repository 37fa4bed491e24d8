/** Where links in emails and feeds point, and where a sign-in may send the person next. */

export function baseUrl(url: URL, configured?: string): string {
	return (configured ?? url.origin).replace(/\/$/, '');
}
