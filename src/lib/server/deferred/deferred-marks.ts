import type { AppContext } from '../context.ts';
import type { Db } from '../db/create-db.ts';

/**
 * Marks a page view leaves behind ("the coach looked", "the client read this reply"), written in
 * batches shortly after the response instead of in the request. On SQLite every write is an fsync
 * that holds the only thread; a batch pays it once for all the views in its window. A crash loses
 * at most the last window's marks, which only makes something look new once more. Nothing another
 * process needs waits here longer than the window: the database stays the truth.
 */
export const FLUSH_AFTER_MS = 200;

type Ctx = Pick<AppContext, 'db' | 'log'>;

export interface MarkKind<V> {
	name: string;
	/** Writes one batch; must be safe beside other processes writing the same rows. */
	write(db: Db, marks: ReadonlyMap<string, V>): Promise<void>;
	/** Two marks for one key in one window become one (the later, by default). */
	merge?(earlier: V, later: V): V;
}

interface Queue {
	pending: Map<MarkKind<unknown>, Map<string, unknown>>;
	/** Batches being written: still "pending" to readers until their write has finished. */
	writing: Set<Map<MarkKind<unknown>, Map<string, unknown>>>;
	timer: ReturnType<typeof setTimeout> | null;
	flushing: Promise<void>;
}

const queues = new WeakMap<Db, Queue>();

function queueFor(ctx: Pick<AppContext, 'db'>): Queue {
	let queue = queues.get(ctx.db);
	if (!queue) {
		queue = {
			pending: new Map(),
			writing: new Set(),
			timer: null,
			flushing: Promise.resolve()
		};
		queues.set(ctx.db, queue);
	}
	return queue;
}

/** Queues a mark; it is written within FLUSH_AFTER_MS. */
export function deferMark<V>(ctx: Ctx, kind: MarkKind<V>, key: string, value: V): void {
	const queue = queueFor(ctx);
	const marks = (queue.pending.get(kind as MarkKind<unknown>) ?? new Map()) as Map<string, V>;
	queue.pending.set(kind as MarkKind<unknown>, marks as Map<string, unknown>);
	const earlier = marks.get(key);
	marks.set(key, earlier !== undefined && kind.merge ? kind.merge(earlier, value) : value);
	if (!queue.timer) {
		queue.timer = setTimeout(() => void flushDeferredMarks(ctx), FLUSH_AFTER_MS);
		queue.timer.unref();
	}
}

/**
 * Marks of one kind queued in this process and not written yet, so a read can account for them.
 * Take it before reading the database: a batch written while the read runs stays in view.
 */
export function pendingMarks<V>(
	ctx: Pick<AppContext, 'db'>,
	kind: MarkKind<V>
): (key: string) => V | undefined {
	const queue = queues.get(ctx.db);
	if (!queue) return () => undefined;
	const batches = [queue.pending, ...queue.writing]
		.map((batch) => batch.get(kind as MarkKind<unknown>) as Map<string, V> | undefined)
		.filter((marks) => marks !== undefined);
	return (key) => {
		for (const marks of batches) {
			const mark = marks.get(key);
			if (mark !== undefined) return mark;
		}
		return undefined;
	};
}

/** True while this process holds marks not yet written (a read that must see them can flush). */
export function hasPendingMarks(ctx: Pick<AppContext, 'db'>): boolean {
	const queue = queues.get(ctx.db);
	return !!queue && (queue.pending.size > 0 || queue.writing.size > 0);
}

/** Writes every queued mark now (the timer's job; also at shutdown and in tests). */
export async function flushDeferredMarks(ctx: Ctx): Promise<void> {
	const queue = queues.get(ctx.db);
	if (!queue) return;
	if (queue.timer) clearTimeout(queue.timer);
	queue.timer = null;
	const batch = queue.pending;
	queue.pending = new Map();
	queue.writing.add(batch);
	// One flush at a time, so marks for one row are written in the order they were made.
	queue.flushing = queue.flushing.then(async () => {
		for (const [kind, marks] of batch) {
			try {
				await kind.write(ctx.db, marks);
			} catch (err) {
				// Losing a mark only shows something as new once more; the page view already succeeded.
				ctx.log.warn({ err: String(err), kind: kind.name, count: marks.size }, 'marks not saved');
			}
		}
		queue.writing.delete(batch);
	});
	await queue.flushing;
}
