import type { ReliableChange } from './scoring/precision.ts';

/** A move on the continuum in plain words, honest about measurement noise. */
export function describeChange(change: ReliableChange): string {
	const points = Math.abs(Math.round(change.delta));
	const direction =
		change.delta < 0 ? 'towards the independent side' : 'towards the dependent side';
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
