import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import type { ReminderMode } from '../db/types.ts';
import { DEFAULT_REMINDER_MODE } from './send-due-reminders.ts';
import { findReminderMode, saveReminderMode } from './repository.ts';

const MODES: readonly ReminderMode[] = ['each', 'daily', 'off'];

export async function getReminderMode(
	ctx: Pick<AppContext, 'db'>,
	input: { actor: Actor }
): Promise<ReminderMode> {
	return (await findReminderMode(ctx.db, input.actor.userId)) ?? DEFAULT_REMINDER_MODE;
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
	await saveReminderMode(ctx.db, input.actor.userId, input.mode as ReminderMode, at);
}
