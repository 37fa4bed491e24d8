/**
 * Reliable change on simulated sittings (decision 0026): the same people answer twice, scored
 * with the app's default norms. Prints the share with |RCI| beyond 1.96 and 1.645 when nothing
 * changed, and when the true overall position moved by one SD.
 * Run: node scripts/change-study.ts [PEOPLE]   (default 20000; seeded, so figures repeat)
 */
import {
	CHANGE_STUDY_SEED,
	localNormsNoChange,
	runChangeStudy
} from '../src/lib/domain/scoring/change-study.ts';
import { ALTERNATIVE_MODEL, PROJECT_MODEL } from '../src/lib/domain/scoring/responders.ts';

const people = Number(process.argv[2] ?? 20_000);
if (!Number.isInteger(people) || people < 10) {
	console.error(
		`The number of people must be a whole number of at least 10, not "${process.argv[2]}".`
	);
	process.exit(2);
}
const pct = (value: number) => `${(100 * value).toFixed(1)}%`;
console.log(`Reliable change, ${people} simulated people sitting twice, scored with the default norms

| population | true change | abs(RCI) > 1.96: "a real change" | abs(RCI) > 1.645: real or probably real |
|---|---|---|---|`);
for (const model of [PROJECT_MODEL, ALTERNATIVE_MODEL]) {
	const study = runChangeStudy({ people, seed: CHANGE_STUDY_SEED, model });
	const { noChange, oneSd } = study;
	console.log(`| ${model.name} | none | ${pct(noChange.beyondReliable)} | ${pct(noChange.beyondLikely)} |
| ${model.name} | one SD (${oneSd.points.toFixed(1)} points; latent shift ${oneSd.latentShift.toFixed(3)}) | ${pct(oneSd.beyondReliable)} | ${pct(oneSd.beyondLikely)} |`);
}

console.log(`
No true change, scored with norms a practice would adopt from its own people (decision 0032)

| population | norms from | abs(RCI) > 1.96 | abs(RCI) > 1.645 |
|---|---|---|---|`);
for (const model of [PROJECT_MODEL, ALTERNATIVE_MODEL]) {
	for (const practiceSize of [200, 1_000]) {
		const shares = localNormsNoChange({ people, seed: CHANGE_STUDY_SEED, practiceSize, model });
		console.log(
			`| ${model.name} | ${practiceSize} of its people | ${pct(shares.beyondReliable)} | ${pct(shares.beyondLikely)} |`
		);
	}
}
