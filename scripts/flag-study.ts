/**
 * The quality-flag simulation study (decisions 0026 and 0032): prints, for two generative models
 * and five kinds of responder, the share each flag marks under the previous and the current
 * rules; then the same with simulated page timings, so the too-fast flag counts; then the
 * too-fast rules that were compared.
 * Run: node scripts/flag-study.ts [PEOPLE_PER_ROW]   (default 20000; the figures in the
 * decisions and docs/instrument.md come from the default; seeded, so they repeat exactly)
 */
import {
	FLAG_STUDY_SEED,
	flagStudyMarkdown,
	runFlagStudy
} from '../src/lib/domain/scoring/flag-study.ts';
import {
	SPEED_STUDY_SEED,
	runSpeedStudy,
	speedStudyMarkdown
} from '../src/lib/domain/scoring/speed-study.ts';

const size = Number(process.argv[2] ?? 20_000);
if (!Number.isInteger(size) || size < 1) {
	console.error(
		`The number of people per row must be a whole number above 0, not "${process.argv[2]}".`
	);
	process.exit(2);
}
console.log(flagStudyMarkdown(runFlagStudy({ perKind: size, seed: FLAG_STUDY_SEED })));
console.log();
const timed = flagStudyMarkdown(
	runFlagStudy({ perKind: size, seed: FLAG_STUDY_SEED, timed: true }),
	'With page timings: current rules, too-fast included'
);
// The "before" table does not depend on timings: print only the timed "after" table.
console.log(timed.slice(timed.indexOf('With page timings')));
console.log();
console.log(speedStudyMarkdown(runSpeedStudy({ people: size, seed: SPEED_STUDY_SEED }), size));
