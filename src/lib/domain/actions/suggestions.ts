import type { Lean } from '../lean.ts';
import { daysBetween, type IsoDate } from './dates.ts';

/** Which suggestions fit a person, by the lean of their latest overall position (../lean.ts). */
export const SUITS = ['independent', 'dependent', 'any'] as const;
export type Suits = (typeof SUITS)[number];

export const LEAN_INTROS: Record<Lean, string> = {
	independent:
		'You tend to carry things on your own. These ideas practise asking, including others and accepting help.',
	dependent:
		'You tend to lean on others to decide. These ideas practise choosing and acting on your own, then sharing it.',
	mixed:
		'You sit near the midpoint, or have no result yet. These ideas practise helping and being helped, on purpose.'
};

/** Takes `n` items from `list`, starting at a place that moves on by one each day. */
function rotate<T>(list: readonly T[], n: number, day: number): T[] {
	if (list.length === 0) return [];
	const start = day % list.length;
	return [...list.slice(start), ...list.slice(0, start)].slice(0, n);
}

/**
 * Four suggestions for a lean: three that practise the other side of it and one that suits
 * anyone; near the midpoint, two for anyone and one from each side. The selection turns over
 * day by day, and leaves out suggestions the person already has as open actions.
 */
export function pickSuggestions<T extends { id: string; suits: Suits }>(
	all: readonly T[],
	lean: Lean,
	today: IsoDate,
	inUse: ReadonlySet<string> = new Set()
): T[] {
	const day = Math.max(0, daysBetween('2026-01-01', today));
	const free = all.filter((s) => !inUse.has(s.id));
	const of = (suits: Suits) => free.filter((s) => s.suits === suits);
	const picked =
		lean === 'mixed'
			? [
					...rotate(of('any'), 2, day),
					...rotate(of('independent'), 1, day),
					...rotate(of('dependent'), 1, day)
				]
			: [...rotate(of(lean), 3, day), ...rotate(of('any'), 1, day)];
	// Top up from the rest when a group ran short (for example, most of it is already in use).
	for (const s of rotate(free, free.length, day)) {
		if (picked.length >= 4) break;
		if (!picked.includes(s)) picked.push(s);
	}
	return picked.slice(0, 4);
}
