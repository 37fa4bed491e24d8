import { randomUUID } from 'node:crypto';
import { DOMAINS } from '../../content/instrument/codes.ts';
import { DISCIPLINES } from '../../content/program/disciplines.ts';
import { reflectionsNow, writablePrompt } from '../../domain/programs/content-now.ts';
import { DomainError } from '../../domain/errors.ts';
import { can, type Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { userCipher } from '../crypto/field-crypto.ts';
import { bodyAddress, entryFor, JOURNAL_BODY_MAX } from './entry-access.ts';
import { insertEntry, updateEntry } from './repository.ts';
import { touchClientActivity } from '../roster/refresh-client-summary.ts';
import { openStepOf } from '../programs/open-step.ts';

export interface SaveJournalInput {
	actor: Actor;
	/** Absent for a new entry. */
	id?: string;
	/** The revision the writer started from; a mismatch means another tab saved meanwhile. */
	revision?: number;
	step: string;
	promptId: string;
	body: string;
	domains: string[];
	disciplines: string[];
}

/**
 * Saves an entry (autosave and the Save button both come here). The text is encrypted before it
 * reaches the database. Nothing is saved when the text is too long: the writer keeps it on screen.
 */
export async function saveJournalEntry(
	ctx: Pick<AppContext, 'db' | 'now' | 'masterKey'>,
	input: SaveJournalInput
): Promise<{ id: string; revision: number }> {
	const length = [...input.body].length;
	if (length > JOURNAL_BODY_MAX) {
		const message = `An entry can hold up to ${JOURNAL_BODY_MAX.toLocaleString('en-GB')} characters; this one has ${length.toLocaleString('en-GB')}. Shorten it or split it into two entries. Your text is still here.`;
		throw new DomainError('invalid_input', message, { fields: { body: message } });
	}
	if (input.body.trim() === '') {
		throw new DomainError('invalid_input', 'Write something first.', {
			fields: { body: 'Write something first.' }
		});
	}
	const domains = input.domains.filter((d): d is (typeof DOMAINS)[number] =>
		(DOMAINS as readonly string[]).includes(d)
	);
	const disciplines = input.disciplines.filter((d) =>
		(DISCIPLINES as readonly string[]).includes(d)
	);
	const at = ctx.now().toISOString();
	const userId = input.actor.userId;

	if (!input.id) {
		if (!can(input.actor, 'journal.write', { ownerId: userId }))
			throw new DomainError('forbidden', 'You cannot write here.');
		// A new entry answers a prompt offered to this person now: their program's open step's,
		// or the built-in program's (decision 0038). An entry once written keeps its prompt.
		const now = reflectionsNow(await openStepOf(ctx, input.actor));
		const found = writablePrompt(now, input.step, input.promptId);
		if (!found)
			throw new DomainError(
				'invalid_input',
				'That reflection prompt is not one offered to you now. Choose one from your journal; your text is still here.'
			);
		const id = randomUUID();
		const cipher = await userCipher(ctx.db, ctx.masterKey, userId);
		await insertEntry(ctx.db, {
			id,
			user_id: userId,
			step: input.step,
			prompt_id: input.promptId,
			step_title: found.copy?.step_title ?? null,
			prompt_text: found.copy?.prompt_text ?? null,
			prompt_hint: found.copy?.prompt_hint ?? null,
			body: cipher.encrypt(bodyAddress(id), input.body),
			domains: JSON.stringify(domains),
			disciplines: JSON.stringify(disciplines),
			revision: 1,
			shared_at: null,
			created_at: at,
			updated_at: at
		});
		await touchClientActivity(ctx, userId);
		return { id, revision: 1 };
	}

	const row = await entryFor(ctx, input.actor, input.id, 'journal.write');
	const revision = input.revision ?? row.revision;
	const cipher = await userCipher(ctx.db, ctx.masterKey, row.user_id);
	const saved = await updateEntry(ctx.db, row.id, revision, {
		body: cipher.encrypt(bodyAddress(row.id), input.body),
		domains: JSON.stringify(domains),
		disciplines: JSON.stringify(disciplines),
		updated_at: at
	});
	if (!saved) {
		const message =
			'This entry was changed in another tab or window since you opened it. Copy your text, reload, and add it back.';
		throw new DomainError('conflict', message, { fields: { body: message } });
	}
	await touchClientActivity(ctx, row.user_id);
	return { id: row.id, revision: revision + 1 };
}
