import type { ProgramStep } from './schema.ts';
import { waitsFor } from './validate.ts';

const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);

/** A delivery rule in words, as the builder's preview and the client's page say it. */
export function describeDelivery(steps: readonly ProgramStep[], index: number): string {
	const delivery = steps[index]!.delivery;
	const target = waitsFor(steps, index);
	const after = target !== null && target >= 0 ? `“${steps[target]!.title}”` : 'the step before';
	switch (delivery.rule) {
		case 'right-away':
			return 'Right away, from the start';
		case 'days-after-start':
			return delivery.days === 0 ? 'On the start day' : `${days(delivery.days)} after the start`;
		case 'after-previous':
			return `Once ${after} is done`;
		case 'days-after-previous':
			return `${days(delivery.days)} after ${after} is done`;
	}
}
