import Graph from 'graphology';
import circular from 'graphology-layout/circular.js';
import rotation from 'graphology-layout/rotation.js';
import type { PersonReliance } from './network.ts';
import { compare, type RelianceTie, type TieStrength } from './reliance-ties.ts';

/**
 * Where the reliance drawing puts each person and line, in the units of its viewBox (decision
 * 0035). Deterministic: people with ties sit on a circle (graphology-layout's circular layout),
 * in an order read from the ties alone (each group of tied people together, walked depth-first
 * from its least-tied member, ids breaking ties), starting at the top; people with no tie sit in a row
 * below it. The same ties always give the same picture; no randomness, no iterations.
 */
export interface LayoutNode {
	id: string;
	number: number;
	x: number;
	y: number;
	/** Where the name goes, outside the circle. */
	labelX: number;
	labelY: number;
	anchor: 'start' | 'middle' | 'end';
}

export interface LayoutEdge {
	from: string;
	to: string;
	/** Shortened at both ends so the arrowheads clear the people's marks. */
	x1: number;
	y1: number;
	x2: number;
	y2: number;
	/** Drawn once, with a head at each end. */
	bothWays: boolean;
	/** 'often' when every direction drawn is 'often'. */
	strength: TieStrength;
}

export interface RelianceLayout {
	width: number;
	height: number;
	nodeRadius: number;
	/** Names beside the marks (small teams); otherwise the numbers carry them to the table. */
	showNames: boolean;
	/** Where the row of people without ties starts, if any. */
	isolatesY: number | null;
	/**
	 * 'all', or in a large team only the ties of the people who stand out (bottlenecks, carriers):
	 * hundreds of lines would hide everything; the table still lists every tie.
	 */
	tiesDrawn: 'all' | 'of-flagged';
	nodes: LayoutNode[];
	edges: LayoutEdge[];
}

export const LAYOUT_WIDTH = 520;
const RING_RADIUS = 150;
const CENTRE = { x: LAYOUT_WIDTH / 2, y: 200 };
const ISOLATE_GAP = 72;
/** Above this many people names crowd each other; the numbers and the table carry them. */
export const MAX_NAMED = 12;
/** Above this many people, only the ties of those who stand out are drawn. */
export const MAX_ALL_TIES = 40;

export function layoutReliance(people: PersonReliance[], ties: RelianceTie[]): RelianceLayout {
	const ring = ringOrder(people, ties);
	const isolates = people.filter((p) => p.isolate);
	const showNames = people.length <= MAX_NAMED;
	const nodeRadius = Math.max(3, Math.min(12, ((Math.PI * RING_RADIUS) / ring.length) * 0.7));
	const nodes: LayoutNode[] = [];

	if (ring.length) {
		const graph = new Graph();
		for (const p of ring) graph.addNode(p.id);
		circular.assign(graph, { scale: RING_RADIUS, center: 0.5 });
		// The circular layout starts at three o'clock; a quarter turn puts the first person on top.
		const turned = rotation(graph, -Math.PI / 2, { centeredOnZero: true });
		for (const p of ring) {
			const { x = 0, y = 0 } = turned[p.id]!;
			nodes.push(placed(p, CENTRE.x + x, CENTRE.y + y, nodeRadius));
		}
	}

	const ringBottom = ring.length ? CENTRE.y + RING_RADIUS + 40 : 30;
	const perRow = Math.floor((LAYOUT_WIDTH - 40) / ISOLATE_GAP);
	isolates.forEach((p, i) => {
		const x = 40 + (i % perRow) * ISOLATE_GAP;
		const y = ringBottom + 30 + Math.floor(i / perRow) * 56;
		nodes.push({ id: p.id, number: p.number, x, y, labelX: x, labelY: y + 30, anchor: 'middle' });
	});
	const rows = Math.ceil(isolates.length / perRow);
	const tiesDrawn = people.length > MAX_ALL_TIES ? 'of-flagged' : 'all';
	const flagged = new Set(people.filter((p) => p.bottleneck || p.carrier).map((p) => p.id));
	const drawn =
		tiesDrawn === 'all' ? ties : ties.filter((t) => flagged.has(t.from) || flagged.has(t.to));
	const height = isolates.length ? ringBottom + rows * 56 + 20 : ringBottom;

	return {
		width: LAYOUT_WIDTH,
		height: round(height),
		nodeRadius: round(nodeRadius),
		showNames,
		isolatesY: isolates.length ? ringBottom : null,
		tiesDrawn,
		nodes,
		edges: edgesBetween(nodes, drawn, nodeRadius)
	};
}

/**
 * People with ties, each group together, walked depth-first from its least-tied member (the end
 * of a chain, a leaf of a star), so tied people mostly sit next to each other and fewer lines
 * cross the circle. Ids break every tie.
 */
function ringOrder(people: PersonReliance[], ties: RelianceTie[]): PersonReliance[] {
	const byId = new Map(people.map((p) => [p.id, p]));
	const next = new Map<string, string[]>();
	for (const t of ties) {
		next.set(t.from, [...(next.get(t.from) ?? []), t.to]);
		next.set(t.to, [...(next.get(t.to) ?? []), t.from]);
	}
	const starts = people
		.filter((p) => !p.isolate)
		.toSorted((a, b) => a.tiedTo - b.tiedTo || compare(a.id, b.id));
	const order: PersonReliance[] = [];
	const seen = new Set<string>();
	const visit = (id: string) => {
		seen.add(id);
		order.push(byId.get(id)!);
		for (const n of [...new Set(next.get(id))].sort(compare)) if (!seen.has(n)) visit(n);
	};
	for (const start of starts) if (!seen.has(start.id)) visit(start.id);
	return order;
}

function placed(p: PersonReliance, x: number, y: number, r: number): LayoutNode {
	const dx = x - CENTRE.x;
	const dy = y - CENTRE.y;
	const length = Math.hypot(dx, dy) || 1;
	const out = r + 10;
	const cos = dx / length;
	const anchor = cos > 0.3 ? 'start' : cos < -0.3 ? 'end' : 'middle';
	// Names above and below the circle sit clear of the mark; beside it, level with it.
	const labelY = y + (dy / length) * out + (anchor === 'middle' ? (dy > 0 ? 12 : -2) : 5);
	return {
		id: p.id,
		number: p.number,
		x: round(x),
		y: round(y),
		labelX: round(x + cos * out),
		labelY: round(labelY),
		anchor
	};
}

function edgesBetween(nodes: LayoutNode[], ties: RelianceTie[], r: number): LayoutEdge[] {
	const at = new Map(nodes.map((n) => [n.id, n]));
	const strengthOf = new Map(ties.map((t) => [`${t.from}\u0000${t.to}`, t.strength]));
	const edges: LayoutEdge[] = [];
	for (const t of ties) {
		const back = strengthOf.get(`${t.to}\u0000${t.from}`);
		// A pair tied both ways is drawn once, from the one whose id comes first.
		if (back && compare(t.from, t.to) > 0) continue;
		const a = at.get(t.from)!;
		const b = at.get(t.to)!;
		const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
		const ux = (b.x - a.x) / length;
		const uy = (b.y - a.y) / length;
		const gap = r + 4;
		edges.push({
			from: t.from,
			to: t.to,
			x1: round(a.x + ux * gap),
			y1: round(a.y + uy * gap),
			x2: round(b.x - ux * gap),
			y2: round(b.y - uy * gap),
			bothWays: back !== undefined,
			strength: t.strength === 'often' && (back ?? 'often') === 'often' ? 'often' : 'sometimes'
		});
	}
	return edges;
}

const round = (v: number) => Math.round(v * 10) / 10;
