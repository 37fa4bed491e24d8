import type { Unavailability } from '../db/unavailable.ts';

/** How long a person (or a script) should wait before trying again, in seconds. */
export const RETRY_AFTER = 5;

const MESSAGES: Record<Unavailability, string> = {
	unreachable:
		'Midpoint cannot reach its database for a moment. Nothing you sent was half-saved. Please try again in a few seconds.',
	storage:
		'Midpoint cannot write to its storage just now (the disk may be full or read-only). Nothing you sent was half-saved, and the people who run this server have been told.'
};

// Fields that are never written back into a page, even to the person who typed them.
const SECRET = /password|code|token|secret/i;

const escape = (s: string) =>
	s.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
	);

/** A field typed into a form, as the 503 page gives it back. */
type Field = [name: string, value: string];

function keptForm(action: string, fields: Field[]): string {
	const kept = fields.filter(([name]) => !SECRET.test(name));
	if (!kept.some(([, v]) => v.trim() !== '')) return '';
	const long = kept.filter(([, v]) => /\s/.test(v) || v.length > 40).length;
	const inputs = kept
		.map(([name, value], i) =>
			/\s/.test(value) || value.length > 40
				? `<p><label for="kept-${i}">${long === 1 ? 'What you typed' : `What you typed (${escape(name)})`}</label><br><textarea id="kept-${i}" name="${escape(name)}" rows="6" cols="30">${escape(value)}</textarea></p>`
				: `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`
		)
		.join('\n');
	const secrets =
		fields.length > kept.length
			? '<p>Passwords and codes are not kept here: you will be asked for them again.</p>'
			: '';
	return `<h2>What you typed is kept</h2>
<p>It is below, and this button sends it again.</p>
<form method="post" action="${escape(action)}">
${inputs}
${secrets}
<p><button type="submit">Try again</button></p>
</form>`;
}

/**
 * The answer while the database cannot be used: a 503 with Retry-After, a plain page that needs
 * neither the database nor a script, and (for a form post) what was typed, ready to send again.
 * A script's form request (`x-sveltekit-action`) gets the same as an action error it can show.
 */
export function unavailableResponse(
	kind: Unavailability,
	request: { url: URL; method: string; viaScript: boolean; fields: Field[] }
): Response {
	const headers = {
		'retry-after': String(RETRY_AFTER),
		'cache-control': 'no-store',
		'content-security-policy':
			"default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
	};
	const message = MESSAGES[kind];
	if (request.viaScript)
		return new Response(JSON.stringify({ type: 'error', status: 503, error: { message } }), {
			status: 503,
			headers: { ...headers, 'content-type': 'application/json' }
		});
	const form =
		request.method === 'POST'
			? keptForm(request.url.pathname + request.url.search, request.fields)
			: `<p><a href="${escape(request.url.pathname + request.url.search)}">Try again</a></p>`;
	const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Back in a moment · Midpoint</title></head>
<body>
<main>
<h1>Back in a moment</h1>
<p>${escape(message)}</p>
${form}
</main>
</body>
</html>`;
	return new Response(html, {
		status: 503,
		headers: { ...headers, 'content-type': 'text/html; charset=utf-8' }
	});
}

/** The text fields of a form post, read from a copy of the request taken before it was used. */
export async function typedFields(copy: Request | null): Promise<Field[]> {
	if (!copy) return [];
	try {
		const data = await copy.formData();
		return [...data].flatMap(([name, value]) =>
			typeof value === 'string' ? [[name, value] as Field] : []
		);
	} catch {
		return []; // not a form (or not readable): nothing to give back
	}
}
