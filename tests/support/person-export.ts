import { strFromU8, unzipSync } from 'fflate';
import { personExportSchema } from '../../src/lib/domain/export/person-export-schema.ts';
import type { Actor } from '../../src/lib/domain/policies.ts';
import type { AppContext } from '../../src/lib/server/context.ts';
import { downloadExport } from '../../src/lib/server/data-export/download-export.ts';
import { requestExport } from '../../src/lib/server/data-export/request-export.ts';
import { runDueJobs } from '../../src/lib/server/jobs/worker.ts';

/**
 * A person's export, made as the page makes it (asked, run as a job, downloaded once): the ZIP's
 * files, and its JSON held to the export's schema.
 */
export async function exportOf(ctx: AppContext, actor: Actor) {
	const id = await requestExport(ctx, { actor, scope: 'person' });
	await runDueJobs(ctx);
	const files = unzipSync(new Uint8Array((await downloadExport(ctx, { actor, exportId: id })).zip));
	const data = personExportSchema.parse(JSON.parse(strFromU8(files['midpoint-export.json']!)));
	return { files, data, text: (name: string) => strFromU8(files[name]!) };
}
