import { openContext } from '../../src/lib/server/cli/open-context.ts';
import type { AppContext } from '../../src/lib/server/context.ts';
import type { RunningServer } from './server.ts';

/** Works in a running test server's own SQLite database, through the real use-cases. */
export async function inServerDb<T>(
	server: RunningServer,
	run: (ctx: AppContext) => Promise<T>
): Promise<T> {
	const { ctx, handle } = await openContext({
		NODE_ENV: 'production',
		DATA_DIR: server.dataDir,
		DATABASE_URL: ''
	});
	try {
		return await run(ctx);
	} finally {
		await handle.close();
	}
}
