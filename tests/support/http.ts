/** A tiny HTTP client with a cookie jar, speaking to the app as a browser without JavaScript would. */
export class HttpClient {
	cookies = new Map<string, string>();
	readonly base: string;
	constructor(base: string) {
		this.base = base;
	}

	async request(
		path: string,
		init: { method?: string; form?: Record<string, string> | [string, string][] } = {}
	): Promise<Response> {
		const headers: Record<string, string> = { accept: 'text/html' };
		if (this.cookies.size)
			headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
		let body: string | undefined;
		if (init.form) {
			body = new URLSearchParams(init.form).toString();
			headers['content-type'] = 'application/x-www-form-urlencoded';
			headers.origin = new URL(this.base).origin;
		}
		const res = await fetch(this.base + path, {
			method: init.method ?? (init.form ? 'POST' : 'GET'),
			headers,
			body,
			redirect: 'manual'
		});
		for (const line of res.headers.getSetCookie()) {
			const [pair] = line.split(';');
			const [name, ...rest] = pair!.split('=');
			const value = rest.join('=');
			if (!value || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name!);
			else this.cookies.set(name!, value);
		}
		return res;
	}

	get(path: string) {
		return this.request(path);
	}
	post(path: string, form: Record<string, string>) {
		return this.request(path, { form });
	}
	async signIn(email: string, password: string): Promise<Response> {
		const res = await this.post('/login', { email, password });
		if (res.status !== 303)
			throw new Error(`Sign-in as ${email} failed with ${res.status}: ${await res.text()}`);
		return res;
	}
}
