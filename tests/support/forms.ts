import { Parser } from 'htmlparser2';
import type { HttpClient } from './http.ts';
import { routeShape } from './crawl.ts';

/** One control of a form, as the page sends it. */
export interface FormField {
	name: string;
	/** input type (text, hidden, radio, …), or textarea / select. */
	kind: string;
	/** The values a radio group, checkbox or select offers. */
	options: string[];
	value: string;
}

export interface FoundForm {
	/** The page it was found on. */
	page: string;
	/** Where it posts: path and query, resolved against the page. */
	action: string;
	fields: FormField[];
}

/** The POST forms of one page, read with a real HTML parser. */
export function formsOf(html: string, pageUrl: URL): FoundForm[] {
	const forms: FoundForm[] = [];
	let form: FoundForm | null = null;
	let select: FormField | null = null;
	let textarea: FormField | null = null;
	const field = (name: string, kind: string, value: string): FormField => {
		const existing = form!.fields.find((f) => f.name === name && f.kind === kind);
		if (existing) return existing;
		const f = { name, kind, options: [], value };
		form!.fields.push(f);
		return f;
	};
	const parser = new Parser(
		{
			onopentag(tag, a) {
				if (tag === 'form' && (a.method ?? '').toLowerCase() === 'post') {
					const url = new URL(a.action ?? '', pageUrl);
					form = {
						page: pageUrl.pathname + pageUrl.search,
						action: url.pathname + url.search,
						fields: []
					};
				}
				if (tag === 'option' && select) select.options.push(a.value ?? '');
				if (!form || !a.name) return;
				if (tag === 'input') {
					const kind = (a.type ?? 'text').toLowerCase();
					if (kind === 'submit' || kind === 'button') return;
					const f = field(
						a.name,
						kind,
						kind === 'radio' || kind === 'checkbox' ? '' : (a.value ?? '')
					);
					if (kind === 'radio' || kind === 'checkbox') f.options.push(a.value ?? 'on');
				} else if (tag === 'textarea') textarea = field(a.name, 'textarea', '');
				else if (tag === 'select') select = field(a.name, 'select', '');
			},
			ontext(text) {
				if (textarea) textarea.value += text;
			},
			onclosetag(tag) {
				if (tag === 'form' && form) {
					forms.push(form);
					form = null;
				}
				if (tag === 'textarea') textarea = null;
				if (tag === 'select') select = null;
			}
		},
		{ decodeEntities: true }
	);
	parser.write(html);
	parser.end();
	return forms;
}

// Files, signing out, the dev mailbox and the calendar feed are not form pages.
const SKIP = /\.(pdf|ics|csv|json|zip)$|^\/logout|^\/dev\/|^\/calendar\//;

/**
 * Every POST form a person meets by following links from `start` (home, when signed in): one
 * page of each route shape, and each form once (by where it posts and what it sends).
 */
export async function findForms(
	client: HttpClient,
	start = ['/home'],
	limit = 60
): Promise<FoundForm[]> {
	const seen = new Set(start.map(routeShape));
	const queue = [...start];
	const forms = new Map<string, FoundForm>();
	for (let visited = 0; queue.length > 0 && visited < limit; visited++) {
		const path = queue.shift()!;
		const res = await client.get(path);
		if (res.status !== 200) continue;
		const html = await res.text();
		const url = new URL(path, client.base);
		for (const f of formsOf(html, url)) {
			const key = `${routeShape(f.action.split('?')[0]!)}?${f.action.split('?')[1] ?? ''} ${f.fields.map((x) => x.name).join(',')}`;
			if (!forms.has(key)) forms.set(key, f);
		}
		for (const m of html.matchAll(/<a[^>]*href="([^"#]+)/g)) {
			const target = new URL(m[1]!.replaceAll('&amp;', '&'), url);
			if (target.origin !== url.origin || SKIP.test(target.pathname)) continue;
			const shape = routeShape(target.pathname) + (target.search ? '?' : '');
			if (seen.has(shape)) continue;
			seen.add(shape);
			queue.push(target.pathname + target.search);
		}
	}
	return [...forms.values()];
}
