const HOME = '/home';

/**
 * Where to go after signing in: only a path on this site, never another origin. The value is
 * read the way a browser reads a Location header (WHATWG URL parsing drops tabs and newlines and
 * takes `\` for `/`), so tricks such as `/%09/evil.example` or `/\evil.example` resolve to the
 * other site and are refused. What comes back is the parsed path, never the raw text.
 */
export function safeNext(next: string | null | undefined, origin: string): string {
	if (!next || !next.startsWith('/')) return HOME;
	let url: URL;
	try {
		url = new URL(next, origin);
	} catch {
		return HOME;
	}
	if (url.origin !== new URL(origin).origin) return HOME;
	const path = url.pathname + url.search + url.hash;
	// A path such as `//evil.example` (from `/.//evil.example`) would leave the site when sent.
	if (!path.startsWith('/') || path.startsWith('//')) return HOME;
	return path;
}
