import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startServer, type RunningServer } from '../support/server.ts';
import { newPostgresDatabase } from '../support/template-db.ts';
import { countAcks, Writer } from '../support/write-burst.ts';

// Issue 13: a write the app answered as saved survives the process being killed outright
// (SIGKILL: no shutdown hook runs), ten times in a row, on each engine the run has.

const KILLS = 10;
const PEOPLE = ['amara', 'ben', 'chen', 'dana'];
const DEMO_PASSWORD = 'midpoint-demo-practice';
const dialects = (process.env.DIALECTS ?? 'sqlite').split(',');
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
	for (const clean of cleanups) await clean();
});

/** Where one engine keeps its data across restarts: a data folder, and a database on PostgreSQL. */
async function storage(dialect: string): Promise<Record<string, string> & { DATA_DIR: string }> {
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'midpoint-crash-'));
	cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
	if (dialect === 'sqlite') return { DATA_DIR: dataDir };
	const database = await newPostgresDatabase(undefined);
	cleanups.push(database.drop);
	return {
		DATA_DIR: dataDir,
		DATABASE_URL: database.url,
		MIDPOINT_MASTER_KEY: randomBytes(32).toString('base64')
	};
}

describe.each(dialects)('killed with SIGKILL mid-burst, on %s', (dialect) => {
	it(`keeps every write it answered as saved, ${KILLS} kills in a row`, async () => {
		const env = await storage(dialect);
		const port = await freePort();
		const start = () => startServer({ dataDir: env.DATA_DIR, port, env });
		let server: RunningServer = await start();
		cleanups.push(() => server.stop());
		expect(server.cli('demo').status).toBe(0);
		const writers = PEOPLE.map((p) => new Writer(server.url, p));
		for (const [i, w] of writers.entries())
			await w.prepare(`${PEOPLE[i]}@demo.midpoint.local`, DEMO_PASSWORD);

		const tally = { acknowledged: 0, found: 0, kills: 0 };
		for (let round = 1; round <= KILLS; round++) {
			let killed = false;
			const burst = writers.map((w) => w.run(`run ${round}`, () => killed));
			// Kill at a different moment each round, while every writer has requests in flight.
			await new Promise((r) => setTimeout(r, 400 + ((round * 173) % 600)));
			await server.kill();
			killed = true;
			await Promise.all(burst);
			tally.kills++;

			server = await start();
			const lost = (await Promise.all(writers.map((w) => w.missing()))).flat();
			expect(lost, `lost after kill ${round} on ${dialect}`).toEqual([]);
		}
		for (const w of writers) tally.acknowledged += countAcks(w.acks);
		tally.found = tally.acknowledged; // every one was found again, or the loop above failed
		expect(tally.kills).toBe(KILLS);
		// Each round wrote something, or the test would prove nothing.
		expect(tally.acknowledged).toBeGreaterThan(KILLS * PEOPLE.length);
		console.log(`crash recovery on ${dialect}: ${JSON.stringify(tally)}`);
		await server.stop();
	}, 300_000);
});
