import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../domain/csv/csv.ts';
import { responsesCsv } from '../../domain/scoring/responses-csv.ts';
import { simulateRespondents } from '../../domain/scoring/simulation.ts';
import { reliabilityCsv } from './instrument-reports.ts';

/**
 * Cross-checks our Cronbach's alpha against R's psych::alpha on the same simulated file.
 * Without Rscript or psych the check is skipped loudly; REQUIRE_R=1 (CI) makes that a failure.
 */
const script = fileURLToPath(new URL('../../../../scripts/compare-psych-alpha.R', import.meta.url));
const required = process.env.REQUIRE_R === '1';
// RSCRIPT points at another R installation (or at nothing, to see the skip path).
const rscript = process.env.RSCRIPT ?? 'Rscript';

function rProblem(): string | null {
	const probe = spawnSync(
		rscript,
		['-e', 'quit(status = if (requireNamespace("psych", quietly = TRUE)) 0 else 3)'],
		{ encoding: 'utf8' }
	);
	if (probe.error)
		return `Rscript is not available (${(probe.error as NodeJS.ErrnoException).code})`;
	if (probe.status === 3) return 'the R package psych is not installed';
	if (probe.status !== 0) return `Rscript failed: ${probe.stderr.trim()}`;
	return null;
}

const problem = rProblem();
if (problem && !required) {
	console.warn(
		`\n!!! SKIPPED: psych::alpha comparison — ${problem}.\n` +
			'!!! Install R and psych (apt-get install r-base-core r-cran-psych), or set REQUIRE_R=1 to fail.\n'
	);
}

describe('alpha agrees with psych::alpha', () => {
	it.skipIf(problem !== null && !required)('matches to 1e-6 for every cell', async () => {
		if (problem) throw new Error(`REQUIRE_R=1 but ${problem}.`);
		const people = simulateRespondents({
			respondents: 500,
			seed: 31,
			missingRate: 0.03,
			attention: true
		});
		const csv = responsesCsv(
			people.map((person, i) => ({
				respondent: i === 0 ? 'Doe, "J"' : `p${i}`,
				answers: person.answers
			}))
		);
		const folder = await mkdtemp(join(tmpdir(), 'midpoint-psych-'));
		try {
			const path = join(folder, 'responses.csv');
			await writeFile(path, csv);
			const ours = reliabilityCsv(csv);
			if (!ours.ok) throw new Error(ours.errors.join('\n'));
			const { stdout } = await promisify(execFile)(rscript, [script, path], { encoding: 'utf8' });
			const theirs = new Map(
				parseCsv(stdout)
					.slice(1)
					.map(([cell, alpha]) => [cell!, Number(alpha)])
			);
			const rows = parseCsv(ours.csv).slice(1);
			expect(rows).toHaveLength(9);
			expect(theirs.size).toBe(9);
			for (const [cell, , alpha] of rows) {
				expect(Math.abs(Number(alpha) - theirs.get(cell!)!), cell).toBeLessThan(1e-6);
			}
		} finally {
			await rm(folder, { recursive: true, force: true });
		}
	});
});
