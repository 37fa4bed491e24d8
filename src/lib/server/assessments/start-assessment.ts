import { randomUUID } from 'node:crypto';
import { INSTRUMENT_VERSION } from '../../content/instrument/codes.ts';
import type { AppContext } from '../context.ts';
import { findOpenAssessment, insertAssessment } from './repository.ts';

/** Starts the assessment, or resumes the one already open (a person has at most one open). */
export async function startAssessment(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: { userId: string }
): Promise<{ id: string; nextPage: number; resumed: boolean }> {
	const open = await findOpenAssessment(ctx.db, input.userId);
	if (open) return { id: open.id, nextPage: open.next_page, resumed: true };
	const at = ctx.now().toISOString();
	const id = randomUUID();
	try {
		await insertAssessment(ctx.db, {
			id,
			user_id: input.userId,
			instrument_version: INSTRUMENT_VERSION,
			next_page: 0,
			answers: '{}',
			page_timings: '[]',
			page_shown_at: null,
			started_at: at,
			updated_at: at,
			completed_at: null,
			result: null,
			position: null,
			balance: null,
			flagged_at: null
		});
	} catch (err) {
		// Two tabs pressed Start at once: the unique index let one through; resume that one.
		const raced = await findOpenAssessment(ctx.db, input.userId);
		if (raced) return { id: raced.id, nextPage: raced.next_page, resumed: true };
		throw err;
	}
	return { id, nextPage: 0, resumed: false };
}
