import type { ReliableChange } from './scoring/precision.ts';

/**
 * A move on the continuum in plain words, honest about measurement noise. Given where the person
 * landed (`to`), a move towards 0 is called what it is: closer to the midpoint.
 */
export function describeChange(change: ReliableChange, to: number | null = null): string {
	const points = Math.abs(Math.round(change.delta));
	const from = to === null ? null : to - change.delta;
	const side = change.delta < 0 ? 'the independent side' : 'the dependent side';
	const closer =
		from !== null &&
		to !== null &&
		Math.abs(to) < Math.abs(from) &&
		Math.sign(to) !== -Math.sign(from);
	const crossed = from !== null && to !== null && Math.sign(to) === -Math.sign(from) && to !== 0;
	const direction = closer
		? 'closer to the midpoint'
		: crossed
			? `across the midpoint, towards ${side}`
			: `towards ${side}`;
	const move =
		points === 0
			? 'You stayed in the same place'
			: `You moved ${points} point${points === 1 ? '' : 's'} ${direction}`;
	switch (change.verdict) {
		case 'reliable':
			return `${move}. That is a real change: larger than the assessment's measurement noise.`;
		case 'likely':
			return `${move}. That is probably a real change, though it is close to the measurement noise.`;
		default:
			return `${move}. That is within the measurement noise, so treat it as no clear change yet.`;
	}
}
