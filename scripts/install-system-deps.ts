// `npm test` runs this first (pretest). It installs the Debian packages the checks need when it
// can (root with apt), and otherwise prints the exact command to run.
import { execFileSync, spawnSync } from 'node:child_process';
import { systemDeps } from './system-deps.ts';

const missing = systemDeps.filter((d) => !d.present());
if (missing.length === 0) process.exit(0);

const packages = missing.flatMap((d) => d.packages);
const command = `sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`;
const isRoot = process.getuid?.() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;

if (isRoot && hasApt && process.env.MIDPOINT_NO_APT !== '1') {
	console.log(`Installing system packages for the tests: ${packages.join(' ')}`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const run = (args: string[]) => {
		// A start-up apt run can hold the lock for a while: wait for it rather than fail.
		for (let attempt = 1; ; attempt++) {
			try {
				execFileSync('apt-get', ['-o', 'DPkg::Lock::Timeout=120', ...args], {
					stdio: 'inherit',
					env
				});
				return;
			} catch (err) {
				if (attempt >= 3) throw err;
				console.log(`apt-get failed (attempt ${attempt}); trying again in 10 s…`);
				spawnSync('sleep', ['10']);
			}
		}
	};
	try {
		run(['update', '-qq']);
		run(['install', '-y', '-qq', '--no-install-recommends', ...packages]);
	} catch {
		console.error(
			`\nCould not install the packages. Run this, then npm test again:\n  ${command}\n`
		);
		process.exit(1);
	}
	const still = systemDeps.filter((d) => !d.present());
	if (still.some((d) => d.required)) {
		console.error(`Still missing after install: ${still.map((d) => d.name).join(', ')}`);
		process.exit(1);
	}
	process.exit(0);
}

const banner = '='.repeat(72);
console.error(`\n${banner}`);
for (const d of missing)
	console.error(`${d.required ? 'MISSING' : 'Optional, missing'}: ${d.name} (${d.why}).`);
console.error(`Install with:\n  ${command}\n${banner}\n`);
if (missing.some((d) => d.required)) process.exit(1);
