import { DomainError } from '../../domain/errors.ts';
import { can, type Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { userCipher } from '../crypto/field-crypto.ts';
import { claimDownload, findExportWithFile } from './repository.ts';
import { contentAddress } from './run-export.ts';

export const LINK_USED =
	'This download link has been used already: each file can be downloaded once. Make a new export on the same page.';
export const LINK_EXPIRED =
	'This download link has expired: files are kept for 24 hours. Make a new export on the same page.';
const NO_SUCH = 'There is no such download, or it is not yours.';

/**
 * The ZIP, once: the first download marks the link used and removes the file in the same
 * transaction, so two clicks at once get one file and one clear message. Only the person who
 * asked for it may download it (an admin's practice export: while still its admin).
 */
export async function downloadExport(
	ctx: Pick<AppContext, 'db' | 'now' | 'masterKey' | 'log'>,
	input: { actor: Actor; exportId: string }
): Promise<{ zip: Buffer; fileName: string }> {
	return ctx.db.transaction().execute(async (trx) => {
		const row = await findExportWithFile(trx, input.exportId);
		const allowed =
			row &&
			can(input.actor, 'account.export', { ownerId: row.user_id }) &&
			(row.scope === 'person' ||
				can(input.actor, 'practice.export', { practiceId: row.practice_id }));
		if (!row || !allowed || row.status !== 'ready') throw new DomainError('not_found', NO_SUCH);
		const at = ctx.now().toISOString();
		if (row.downloaded_at) throw new DomainError('gone', LINK_USED);
		if (!row.content || row.expires_at! <= at) throw new DomainError('gone', LINK_EXPIRED);
		if (!(await claimDownload(trx, row.id, at))) throw new DomainError('gone', LINK_USED);
		const cipher = await userCipher(trx, ctx.masterKey, row.user_id);
		const zip = Buffer.from(cipher.decrypt(contentAddress(row.id), row.content), 'base64');
		ctx.log.info({ exportId: row.id }, 'export downloaded');
		const day = row.finished_at!.slice(0, 10);
		return {
			zip,
			fileName: `midpoint-${row.scope === 'person' ? 'my-data' : 'practice'}-${day}.zip`
		};
	});
}
