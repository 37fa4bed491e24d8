import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The one way Midpoint runs R: an R script kept as text in this folder (cfa-lavaan.ts), written
 * with one CSV file to a private temporary folder and run there, answering on stdout.
 * Everything R-specific stays here.
 */
export type RResult =
	| { ok: true; stdout: string }
	| { ok: false; reason: 'no-r' | 'no-package' | 'failed'; message: string };

/** Exit status our R scripts use when a package is missing (see cfa-lavaan.ts). */
const MISSING_PACKAGE = 3;
const TIMEOUT_MS = 5 * 60_000;

/**
 * Runs `rscript script.R input.csv` in a private temporary folder and returns its stdout. `rscript` is the Rscript
 * executable (RSCRIPT in the environment may point at another installation).
 */
export async function runRScript(
	script: { name: string; source: string },
	csv: string,
	options: { rscript?: string; packageName: string }
): Promise<RResult> {
	const folder = await mkdtemp(join(tmpdir(), 'midpoint-r-'));
	try {
		const input = join(folder, 'input.csv');
		const program = join(folder, script.name);
		await writeFile(input, csv, { mode: 0o600 });
		await writeFile(program, script.source, { mode: 0o600 });
		return await new Promise<RResult>((resolve) => {
			execFile(
				options.rscript ?? 'Rscript',
				['--vanilla', program, input],
				{ encoding: 'utf8', timeout: TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 },
				(error, stdout, stderr) => {
					if (!error) return resolve({ ok: true, stdout });
					const code = (error as NodeJS.ErrnoException).code;
					if (code === 'ENOENT' || code === 'EACCES') {
						return resolve({
							ok: false,
							reason: 'no-r',
							message: `R is not installed here (${options.rscript ?? 'Rscript'} was not found). Install r-base-core and r-cran-${options.packageName}.`
						});
					}
					if ((error as { code?: unknown }).code === MISSING_PACKAGE) {
						return resolve({
							ok: false,
							reason: 'no-package',
							message: `The R package ${options.packageName} is not installed. Install r-cran-${options.packageName} (Debian) or run install.packages("${options.packageName}") in R.`
						});
					}
					const detail = stderr.trim() || error.message;
					resolve({ ok: false, reason: 'failed', message: `R failed: ${detail}` });
				}
			);
		});
	} finally {
		await rm(folder, { recursive: true, force: true });
	}
}

/** Why R with `packageName` cannot run here, or null when it can (used by tests to skip loudly). */
export function rPackageProblem(packageName: string, rscript = 'Rscript'): string | null {
	const probe = spawnSync(
		rscript,
		['-e', `quit(status = if (requireNamespace("${packageName}", quietly = TRUE)) 0 else 3)`],
		{ encoding: 'utf8' }
	);
	if (probe.error)
		return `Rscript is not available (${(probe.error as NodeJS.ErrnoException).code})`;
	if (probe.status === MISSING_PACKAGE) return `the R package ${packageName} is not installed`;
	if (probe.status !== 0) return `Rscript failed: ${probe.stderr.trim()}`;
	return null;
}
