import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import type { ReminderMode } from '../db/types.ts';
import { DEFAULT_REMINDER_MODE } from './send-due-reminders.ts';

const MODES: readonly ReminderMode[] = ['each', 'daily', 'off'];

export async function getReminderMode(
	ctx: Pick<AppContext, 'db'>,
	input: { actor: Actor }
): Promise<ReminderMode> {
	const row = await ctx.db
		.selectFrom('reminder_settings')
		.select('mode')
		.where('user_id', '=', input.actor.userId)
		.executeTakeFirst();
	return row?.mode ?? DEFAULT_REMINDER_MODE;
}

/** A person's own choice of reminders; nobody else can change it. */
export async function setReminderMode(
	ctx: Pick<AppContext, 'db' | 'now'>,
	input: { actor: Actor; mode: string }
): Promise<void> {
	if (!MODES.includes(input.mode as ReminderMode)) {
		throw new DomainError('invalid_input', 'Choose one of the three reminder options.', {
			fields: { mode: 'Choose one of the three reminder options.' }
		});
	}
	const at = ctx.now().toISOString();
	await ctx.db
		.insertInto('reminder_settings')
		.values({ user_id: input.actor.userId, mode: input.mode as ReminderMode, updated_at: at })
		.onConflict((oc) =>
			oc.column('user_id').doUpdateSet({ mode: input.mode as ReminderMode, updated_at: at })
		)
		.execute();
}
