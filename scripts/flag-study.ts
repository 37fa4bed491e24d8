/**
 * The quality-flag simulation study (decision 0026): prints, for two generative models and five
 * kinds of responder, the share each flag marks under the previous and the current rules.
 * Run: node scripts/flag-study.ts [PEOPLE_PER_ROW]   (default 20000; the figures in decision
 * 0026 and docs/instrument.md come from the default; seeded, so they repeat exactly)
 */
import {
	FLAG_STUDY_SEED,
	flagStudyMarkdown,
	runFlagStudy
} from '../src/lib/domain/scoring/flag-study.ts';

const size = Number(process.argv[2] ?? 20_000);
if (!Number.isInteger(size) || size < 1) {
	console.error(
		`The number of people per row must be a whole number above 0, not "${process.argv[2]}".`
	);
	process.exit(2);
}
console.log(flagStudyMarkdown(runFlagStudy({ perKind: size, seed: FLAG_STUDY_SEED })));
