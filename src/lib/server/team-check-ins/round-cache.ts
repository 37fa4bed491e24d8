import { analyseRound } from '../../domain/teams/trail.ts';
import type { Db } from '../db/create-db.ts';
import { findRoundVersion } from './repository.ts';
import { loadRoundData, type RoundData } from './round-data.ts';

export interface AnalysedRound extends ReturnType<typeof analyseRound> {
	data: RoundData;
}

/**
 * A round's data and network, kept per process while its check-ins stay as they are. A team of
 * 200 answers 119,400 times a round; reading and analysing that on every view of the team page
 * cost over a second (bench/teams.ts). Each view still asks the database for the round's version
 * (one aggregate), so another process's writes are seen at once: nothing is served stale.
 */
const cache = new Map<string, AnalysedRound & { version: string }>();
const MAX_ROUNDS = 64;

export async function analysedRound(db: Db, roundId: string): Promise<AnalysedRound> {
	const version = await findRoundVersion(db, roundId);
	const hit = cache.get(roundId);
	if (hit?.version === version) return hit;
	// The data is read after its version, so it is never older than the version it is kept under.
	const data = await loadRoundData(db, roundId);
	const entry = { version, data, ...analyseRound(data) };
	cache.delete(roundId);
	cache.set(roundId, entry);
	if (cache.size > MAX_ROUNDS) cache.delete(cache.keys().next().value!);
	return entry;
}
