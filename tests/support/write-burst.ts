import { HttpClient } from './http.ts';

/**
 * One person writing as fast as the server answers: journal entries, report-backs (changing an
 * earlier one) and assessment pages, in turn. Every write the server answered with success is
 * kept as an acknowledgement, so that after a crash each can be looked for again.
 */
export interface Acks {
	/** Journal entry id → the text it was saved with. */
	journal: Map<string, string>;
	/** `actionId occurrence` → every text sent, in order, and how many of them were answered. */
	reports: Map<string, { sent: string[]; acknowledged: number }>;
	/** Assessment id → how many of its pages were answered as saved. */
	assessments: Map<string, number>;
}

const newAcks = (): Acks => ({
	journal: new Map(),
	reports: new Map(),
	assessments: new Map()
});

export const countAcks = (acks: Acks): number =>
	acks.journal.size +
	[...acks.reports.values()].reduce((n, r) => n + r.acknowledged, 0) +
	[...acks.assessments.values()].reduce((n, pages) => n + pages, 0);

const unescape = (s: string) => s.replaceAll('&amp;', '&');

export class Writer {
	readonly client: HttpClient;
	private prompt = { step: '', promptId: '' };
	private report = { actionId: '', occurrence: '' };
	private assessment: { id: string; page: number } | null = null;
	private count = 0;

	/** What the server answered as saved, across every run of this writer. */
	readonly acks: Acks = newAcks();

	readonly name: string;

	constructor(base: string, name: string) {
		this.client = new HttpClient(base);
		this.name = name;
	}

	/** Signs in and finds a reflection prompt and an earlier report-back to write to. */
	async prepare(email: string, password: string): Promise<void> {
		await this.client.signIn(email, password);
		const promptIn = (html: string) =>
			html.match(/\/journal\/new\?step=([^"&]+)&amp;prompt=([^"&]+)"/);
		let journal = await (await this.client.get('/journal')).text();
		// Near the midpoint, a step whose prompts differ by lean asks the person to pick a side first.
		const side = journal.match(/href="(\/journal\?lean=[a-z]+)/)?.[1];
		if (!promptIn(journal) && side) journal = await (await this.client.get(side)).text();
		const link = promptIn(journal);
		if (!link) throw new Error(`${this.name}: no reflection prompt on /journal`);
		this.prompt = { step: link[1]!, promptId: unescape(link[2]!) };
		const actions = await (await this.client.get('/actions')).text();
		for (const id of new Set(actions.match(/\/actions\/[0-9a-f-]{36}/g))) {
			const page = await (await this.client.get(id)).text();
			const earlier = page.match(/occurrence=(\d{4}-\d\d-\d\d)/);
			if (earlier) {
				this.report = { actionId: id.slice('/actions/'.length), occurrence: earlier[1]! };
				return;
			}
		}
		throw new Error(`${this.name}: no earlier report-back to change`);
	}

	/** Writes until `until()` says stop or the server goes away; resolves when it has stopped. */
	async run(tag: string, until: () => boolean): Promise<void> {
		try {
			while (!until()) {
				const turn = this.count++ % 3;
				if (turn === 0) await this.saveJournal(tag);
				else if (turn === 1) await this.sendReport(tag);
				else await this.answerPage();
			}
		} catch (e) {
			// The server was killed mid-request: what was not answered was never promised.
			if (!(e instanceof TypeError)) throw e;
		}
	}

	private async saveJournal(tag: string) {
		const body = `${tag} ${this.name} journal ${this.count}: what I noticed today.`;
		const res = await this.client.post('/journal/new?/save', { ...this.prompt, body });
		const id = res.headers.get('location')?.match(/^\/journal\/([0-9a-f-]{36})\?saved=1$/)?.[1];
		if (res.status !== 303 || !id) throw new Error(`journal save answered ${res.status}`);
		this.acks.journal.set(id, body);
	}

	private async sendReport(tag: string) {
		const { actionId, occurrence } = this.report;
		const key = `${actionId} ${occurrence}`;
		const entry = this.acks.reports.get(key) ?? { sent: [], acknowledged: 0 };
		this.acks.reports.set(key, entry);
		const happened = `${tag} ${this.name} report ${this.count}: we shared the load.`;
		entry.sent.push(happened);
		const res = await this.client.post(`/actions/${actionId}?/report`, {
			occurrence,
			outcome: 'done',
			happened
		});
		if (res.status !== 303) throw new Error(`report-back answered ${res.status}`);
		entry.acknowledged = entry.sent.length;
	}

	private async answerPage() {
		if (!this.assessment) {
			const res = await this.client.post('/assessment?/start', {});
			const m = res.headers.get('location')?.match(/^\/assessment\/([0-9a-f-]{36})\/page\/(\d+)/);
			if (!m) throw new Error(`starting an assessment answered ${res.status}`);
			this.assessment = { id: m[1]!, page: Number(m[2]) };
		}
		const { id, page } = this.assessment;
		const form = await (await this.client.get(`/assessment/${id}/page/${page}`)).text();
		const names = [
			...new Set([...form.matchAll(/type="radio" name="([^"]+)"/g)].map((m) => m[1]!))
		];
		const answers = Object.fromEntries(names.map((n, i) => [n, String((i % 5) + 1)]));
		const res = await this.client.post(`/assessment/${id}/page/${page}`, answers);
		const next = res.headers.get('location') ?? '';
		if (res.status !== 303) throw new Error(`assessment page answered ${res.status}`);
		this.acks.assessments.set(id, page);
		if (next.endsWith('?done=1')) this.assessment = null;
		else this.assessment = { id, page: Number(next.match(/\/page\/(\d+)/)?.[1] ?? page + 1) };
	}

	/** Looks for every acknowledged write through the pages the person would open; lists what is lost. */
	async missing(): Promise<string[]> {
		const lost: string[] = [];
		for (const [id, body] of this.acks.journal) {
			const html = await (await this.client.get(`/journal/${id}`)).text();
			if (!html.includes(body)) lost.push(`journal entry ${id}: ${body}`);
		}
		for (const [key, entry] of this.acks.reports) {
			if (entry.acknowledged === 0) continue;
			const [actionId, occurrence] = key.split(' ');
			const page = await this.client.get(`/actions/${actionId}?occurrence=${occurrence}`);
			const html = await page.text();
			// The last answered text, or one sent after it (written, then killed before the answer).
			if (entry.sent.findLastIndex((t) => html.includes(t)) < entry.acknowledged - 1)
				lost.push(`report-back ${key}: ${entry.sent[entry.acknowledged - 1]}`);
		}
		for (const [id, pages] of this.acks.assessments) {
			// A page past the end sends the person to the first unanswered page (or the result).
			const res = await this.client.get(`/assessment/${id}/page/999`);
			const to = res.headers.get('location') ?? '';
			const kept =
				to === `/assessment/${id}`
					? Infinity
					: Number(to.match(/\/page\/(\d+)/)?.[1] ?? Number.NaN) - 1;
			if (!(kept >= pages)) lost.push(`assessment ${id}: ${pages} pages answered, ${kept} kept`);
		}
		return lost;
	}
}
