// Export benchmark: one client with two years of history, seeded through the app's own
// use-cases (so journal text and replies are encrypted as in use), then the export job timed
// end to end (collect, PDFs, CSVs, ZIP, encrypt, store) and the ZIP's size.
// Run by hand: node bench/export.ts [--runs 3] [--postgres]
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { unzipSync } from 'fflate';
import { downloadExport } from '../src/lib/server/data-export/download-export.ts';
import { requestExport } from '../src/lib/server/data-export/request-export.ts';
import { runDueJobs } from '../src/lib/server/jobs/worker.ts';
import { startPgCluster } from '../scripts/pg-cluster.ts';
import { seedTwoYears } from './two-years.ts';

const { values: args } = parseArgs({
	options: { runs: { type: 'string', default: '3' }, postgres: { type: 'boolean', default: false } }
});
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'midpoint-export-bench-'));
const cluster = args.postgres ? await startPgCluster() : undefined;
const env = {
	DATA_DIR: dataDir,
	LOG_LEVEL: 'silent',
	...(cluster
		? { DATABASE_URL: cluster.url, MIDPOINT_MASTER_KEY: randomBytes(32).toString('base64') }
		: {})
};
const { ctx, handle, me } = await seedTwoYears(env);

for (let run = 0; run < Number(args.runs); run++) {
	const t0 = performance.now();
	const id = await requestExport(ctx, { actor: me, scope: 'person' });
	await runDueJobs(ctx);
	const ms = performance.now() - t0;
	const row = await ctx.db
		.selectFrom('data_exports')
		.select(['status', 'size_bytes'])
		.where('id', '=', id)
		.executeTakeFirstOrThrow();
	console.log(
		`Export ${run + 1}: ${row.status} in ${ms.toFixed(0)} ms, ZIP ${((row.size_bytes ?? 0) / 1024).toFixed(0)} KB`
	);
}
// What the last file holds, by part (sizes before compression).
const last = await ctx.db
	.selectFrom('data_exports')
	.select('id')
	.orderBy('requested_at', 'desc')
	.executeTakeFirstOrThrow();
const { zip } = await downloadExport(ctx, { actor: me, exportId: last.id });
const files = unzipSync(new Uint8Array(zip));
const pdfBytes = Object.entries(files)
	.filter(([name]) => name.endsWith('.pdf'))
	.reduce((sum, [, bytes]) => sum + bytes.byteLength, 0);
console.log(
	`Inside: ${Object.keys(files).length} files; JSON ${(files['midpoint-export.json']!.byteLength / 1024).toFixed(0)} KB, ` +
		`journal.csv ${(files['journal.csv']!.byteLength / 1024).toFixed(0)} KB, PDFs ${(pdfBytes / 1024).toFixed(0)} KB in all.`
);
await handle.close();
await cluster?.stop();
fs.rmSync(dataDir, { recursive: true, force: true });
