import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import {
	answer,
	largeTeam,
	members,
	mixedTeamOfEight
} from '../../../../tests/factories/reliance.ts';
import { analyseReliance, type RelianceAnalysis } from '../../domain/teams/network.ts';
import { relianceFigures } from '../../domain/teams/team-figures.ts';
import RelianceFigures from './RelianceFigures.svelte';
import RelianceNetwork from './RelianceNetwork.svelte';

const draw = (analysis: RelianceAnalysis) =>
	render(RelianceNetwork, { props: { analysis, teamName: 'Platform team' } }).body;

/** Attributes of every `<tag …>` in the markup whose attributes match `having`. */
function elements(html: string, tag: string, having = ''): Record<string, string>[] {
	const found = html.match(new RegExp(`<${tag}\\b[^>]*${having}[^>]*>`, 'g')) ?? [];
	return found.map((el) =>
		Object.fromEntries([...el.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]))
	);
}

const section = (html: string, from: string, to: string) =>
	html.slice(html.indexOf(from), html.indexOf(to, html.indexOf(from)));

/** The table's rows, each cut out of the markup, by person id. */
function rows(html: string): Map<string, string> {
	const table = section(html, '<table', '</table>');
	return new Map(
		[...table.matchAll(/<tr data-id="([^"]+)">([\s\S]*?)<\/tr>/g)].map((m) => [m[1]!, m[2]!])
	);
}

describe('the reliance drawing and its table', () => {
	const analysis = analyseReliance(mixedTeamOfEight().people, mixedTeamOfEight().answers);
	const html = draw(analysis);
	const svg = section(html, '<svg', '</svg>');

	it('has an accessible name and a description that names what stands out', () => {
		const [root] = elements(svg, 'svg');
		expect(root!['role']).toBe('img');
		expect(root!['viewBox']).toBe(`0 0 ${analysis.layout.width} ${analysis.layout.height}`);
		const [titleId, descId] = root!['aria-labelledby']!.split(' ');
		expect(svg).toContain(`<title id="${titleId}">Who relies on whom in Platform team</title>`);
		const desc = svg.match(new RegExp(`<desc id="${descId}">([^<]*)</desc>`))![1]!;
		expect(desc).toContain('8 people and 14 ties of reliance.');
		expect(desc).toContain('5 of 9 (56%) tied pairs rely on each other both ways.');
		expect(desc).toContain('Bottleneck: Dan.');
		expect(desc).toContain('No ties: Hana.');
	});

	it('draws exactly the ties the table lists, each in the same direction', () => {
		const drawn = new Set<string>();
		for (const line of elements(svg, 'line', 'data-from')) {
			drawn.add(`${line['data-from']}>${line['data-to']}`);
			if (line['data-both-ways'] === 'true') drawn.add(`${line['data-to']}>${line['data-from']}`);
		}
		const listed = new Set<string>();
		for (const cell of elements(section(html, '<table', '</table>'), 'td', 'data-relies-on')) {
			const from = analysis.people.find(
				(p) => p.reliesOn.map((t) => t.id).join(' ') === cell['data-relies-on']
			)!;
			for (const to of cell['data-relies-on']!.split(' ').filter(Boolean))
				listed.add(`${from.id}>${to}`);
		}
		const ties = new Set(analysis.ties.map((t) => `${t.from}>${t.to}`));
		expect(drawn).toEqual(ties);
		expect(listed).toEqual(ties);
		// And in words: Dan's row says whom he relies on, how often, and that Ana relies on him back.
		const dan = rows(html).get('dan')!;
		expect(dan).toContain('4. Dan');
		expect(dan).toContain('Ana (often, both ways), Eli (often)');
		expect(dan).toContain('Bottleneck (43% of routes)');
		expect(rows(html).get('hana')).toContain('No ties either way');
	});

	it('numbers each mark as the table numbers its row', () => {
		const table = rows(html);
		for (const node of analysis.layout.nodes) {
			const group = svg.slice(svg.indexOf(`data-id="${node.id}"`));
			expect(group.slice(0, group.indexOf('</g>'))).toMatch(new RegExp(`>${node.number}</text>`));
			expect(table.get(node.id)).toContain(`${node.number}. `);
		}
	});

	it('tells roles, strength and direction apart without colour', () => {
		// Roles by shape: a four-point polygon (bottleneck), a square (no ties), circles (the rest).
		const mark = (id: string) => {
			const group = svg.slice(svg.indexOf(`data-id="${id}"`));
			return group.slice(0, group.indexOf('</g>'));
		};
		expect(mark('dan')).toMatch(/data-mark="bottleneck"[^>]*>\s*(<!--[^>]*-->)*\s*<polygon/);
		expect(
			mark('dan')
				.match(/points="([^"]*)"/)![1]!
				.split(' ')
		).toHaveLength(4);
		expect(mark('hana')).toMatch(/<rect [^>]*stroke-dasharray/);
		expect(mark('ana')).toContain('<circle');
		// Strength by line style, direction by arrowheads: one head one way, two heads both ways.
		for (const line of elements(svg, 'line', 'data-from')) {
			const tie = analysis.layout.edges.find(
				(e) => e.from === line['data-from'] && e.to === line['data-to']
			)!;
			expect(line['stroke-dasharray'] !== undefined).toBe(tie.strength === 'sometimes');
			expect(line['marker-end']).toMatch(/^url\(#/);
			expect(line['marker-start'] !== undefined).toBe(tie.bothWays);
		}
		// Nothing in the markup is told apart by a colour of its own.
		expect(svg).not.toMatch(/(fill|stroke)="(#|rgb|red|green|blue)/);
	});

	it('lists what stands out with one thing to try for each', () => {
		const flags = elements(html, 'li', 'data-kind');
		expect(flags.map((f) => `${f['data-kind']}:${f['data-person']}`)).toEqual([
			'bottleneck:dan',
			'isolate:hana'
		]);
		for (const flag of analysis.flags) {
			expect(html).toContain(flag.text);
			expect(html).toContain(flag.suggestion);
		}
	});

	it('draws the same markup from the same data', () => {
		const again = analyseReliance(
			mixedTeamOfEight().people.toReversed(),
			mixedTeamOfEight().answers.toReversed()
		);
		const strip = (s: string) => s.replaceAll(/s\d+-?\w*|\bsvelte-\w+/g, '');
		expect(strip(draw(again))).toBe(strip(html));
	});

	it('says so when nobody named anyone', () => {
		const empty = draw(
			analyseReliance(members('ana', 'ben', 'cy'), [answer('ana', 'help', 'ben', 'never')])
		);
		expect(elements(empty, 'line', 'data-from')).toEqual([]);
		expect(empty).toContain('Nobody in the team named anyone they rely on');
	});
});

describe('the team’s figures for a member', () => {
	it('give the counts and name nobody', () => {
		const { people, answers } = mixedTeamOfEight();
		const figures = relianceFigures(analyseReliance(people, answers));
		const html = render(RelianceFigures, { props: { figures } }).body;
		for (const p of people) expect(html).not.toContain(p.name);
		expect(JSON.stringify(figures)).not.toMatch(/ana|dan|hana/i);
		expect(html).toContain('5 of the 9 tied pairs (56%)');
		expect(html).toMatch(/No ties either way<\/dt>\s*<dd[^>]*>1<\/dd>/);
		expect(html).toMatch(/Bottlenecks<\/dt>\s*<dd[^>]*>1<\/dd>/);
		expect(html).toMatch(/One-way carriers<\/dt>\s*<dd[^>]*>Nobody<\/dd>/);
	});
});

describe('the reliance drawing of a large team', () => {
	const { people, answers } = largeTeam(200);
	// p000 relies on nobody, and twelve teammates go to them for help: a one-way carrier.
	const reliesOnSomeone = (a: (typeof answers)[number]) =>
		a.question === 'comes-to-me' ? a.to === 'p000' : a.from === 'p000';
	const carried = Array.from({ length: 12 }, (_, i) =>
		answer(`p${String(i + 1).padStart(3, '0')}`, 'help', 'p000', 'often')
	);
	const analysis = analyseReliance(people, [
		...answers.filter((a) => !reliesOnSomeone(a)),
		...carried
	]);
	const html = draw(analysis);

	it('draws only the ties of those who stand out, and says so; the table keeps every tie', () => {
		const flagged = new Set([...analysis.team.bottlenecks, ...analysis.team.carriers]);
		const drawn = elements(html, 'line', 'data-from');
		expect(drawn.length).toBeGreaterThan(0);
		expect(drawn.length).toBeLessThan(analysis.team.tiedPairs / 4);
		for (const line of drawn) {
			expect(flagged.has(line['data-from']!) || flagged.has(line['data-to']!)).toBe(true);
		}
		expect(html).toContain('the drawing shows only the ties of the people who stand');
		expect(rows(html).size).toBe(200);
		const listed = elements(html, 'td', 'data-relies-on').flatMap((c) =>
			c['data-relies-on']!.split(' ').filter(Boolean)
		);
		expect(listed).toHaveLength(analysis.team.tieCount);
	});
});
