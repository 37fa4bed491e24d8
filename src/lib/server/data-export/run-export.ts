import { zipSync, strToU8 } from 'fflate';
import type { AppContext } from '../context.ts';
import { userCipher } from '../crypto/field-crypto.ts';
import { enqueueJob } from '../jobs/queue.ts';
import { findUserById } from '../users/repository.ts';
import { collectPerson } from './collect-person.ts';
import { collectPractice } from './collect-practice.ts';
import { personCsvFiles } from './person-csv.ts';
import {
	dropExportFile,
	findExport,
	markExportFailed,
	markExportReady,
	saveExportProgress
} from './repository.ts';

export const EXPORT_KEPT_MS = 24 * 60 * 60 * 1000;
export const EXPIRE_JOB = 'data-export-expire';
export const contentAddress = (id: string) => ({
	table: 'data_exports',
	column: 'content',
	rowId: id
});

/**
 * The job: builds the ZIP, saying how far it got after each part, and keeps it for 24 hours,
 * encrypted with the requester's data key (it holds their journal in clear text). A failure is
 * shown on the page as such, and the person can ask again.
 */
export async function runExport(ctx: AppContext, payload: unknown): Promise<void> {
	const { exportId } = payload as { exportId: string };
	const stored = await findExport(ctx.db, exportId);
	if (!stored || stored.status === 'ready' || stored.status === 'failed') return;
	const progress = (percent: number, step: string) =>
		saveExportProgress(ctx.db, exportId, percent, step);
	try {
		const user = await findUserById(ctx.db, stored.user_id);
		if (!user) return;
		const files: Record<string, Uint8Array> = {};
		if (stored.scope === 'person') {
			const { data, pdfs } = await collectPerson(ctx, user, progress);
			files['midpoint-export.json'] = strToU8(JSON.stringify(data, null, 2));
			for (const [name, text] of Object.entries(personCsvFiles(data))) files[name] = strToU8(text);
			for (const pdf of pdfs) files[pdf.path] = pdf.bytes;
		} else {
			const csvs = await collectPractice(ctx, stored.practice_id!, progress);
			for (const [name, text] of Object.entries(csvs)) files[name] = strToU8(text);
		}
		await progress(90, 'Packing the file');
		const zip = zipSync(files, { level: 6, mtime: ctx.now() });
		const cipher = await userCipher(ctx.db, ctx.masterKey, stored.user_id);
		const at = ctx.now();
		const expiresAt = new Date(at.getTime() + EXPORT_KEPT_MS);
		await markExportReady(ctx.db, exportId, {
			content: cipher.encrypt(contentAddress(exportId), Buffer.from(zip).toString('base64')),
			sizeBytes: zip.byteLength,
			at: at.toISOString(),
			expiresAt: expiresAt.toISOString()
		});
		await enqueueJob(ctx, EXPIRE_JOB, { exportId }, expiresAt);
		ctx.log.info({ exportId, bytes: zip.byteLength }, 'export ready');
	} catch (err) {
		await markExportFailed(ctx.db, exportId, ctx.now().toISOString());
		throw err;
	}
}

/** 24 hours after it was made, the file goes, whether it was downloaded or not. */
export async function expireExport(ctx: AppContext, payload: unknown): Promise<void> {
	await dropExportFile(ctx.db, (payload as { exportId: string }).exportId);
}
