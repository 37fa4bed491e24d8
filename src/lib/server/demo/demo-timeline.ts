import { addDays, todayFor, type IsoDate } from '../../domain/actions/dates.ts';
import type { AppContext } from '../context.ts';
import { flushDeferredMarks } from '../deferred/deferred-marks.ts';

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
const MINUTE = 60 * 1000;

type Step = (at: AppContext) => Promise<unknown>;

/**
 * Things that happened to the demo people, each at its moment in the past, run in time order
 * through the app's own use-cases with the clock set to that moment. Days count back from the
 * day the demo is seeded; nothing is put on that day itself, so every moment is in the past.
 */
export class DemoTimeline {
	readonly today: IsoDate;
	private readonly dayStart: number;
	private readonly steps: { at: number; order: number; run: Step }[] = [];

	constructor(now: Date) {
		this.today = todayFor(now);
		this.dayStart = Date.parse(`${this.today}T00:00:00.000Z`);
	}

	/** The moment `daysAgo` days back, at the given time of day (UTC). */
	at(daysAgo: number, hour: number, minute = 0): number {
		if (daysAgo < 1)
			throw new Error(`Demo data: every moment must be at least a day ago, not ${daysAgo}.`);
		return this.dayStart - daysAgo * DAY + hour * HOUR + minute * MINUTE;
	}

	/** The calendar date `daysAgo` days back (negative: ahead). */
	date(daysAgo: number): IsoDate {
		return addDays(this.today, -daysAgo);
	}

	add(at: number, run: Step): void {
		this.steps.push({ at, order: this.steps.length, run });
	}

	/**
	 * Runs every step in time order (ties in the order they were added), then forgets them. The
	 * marks a step leaves (a visit, a reply read) are written before the next step, as they are
	 * just after a page is sent.
	 */
	async run(ctx: AppContext): Promise<void> {
		const steps = this.steps.splice(0).sort((a, b) => a.at - b.at || a.order - b.order);
		for (const step of steps) {
			await step.run({ ...ctx, now: () => new Date(step.at) });
			await flushDeferredMarks(ctx);
		}
	}
}
