/**
 * Scoring throughput, in-process. Prints assessments scored per second beside a trivial loop
 * measured in the same run (summing the same answers), so the ratio means something on a noisy
 * machine, then times the CLI scoring 10,000 CSV rows. Budget: ≥ 100,000 assessments/s;
 * 10,000 rows in under 2 s.  Run: node bench/scoring.ts
 */
import { runInstrumentCommand } from '../src/lib/server/cli/instrument-command.ts';
import { scoreAssessment } from '../src/lib/domain/scoring/score-assessment.ts';
import { simulateRespondents } from '../src/lib/domain/scoring/simulation.ts';
import { responsesCsv } from '../src/lib/domain/scoring/responses-csv.ts';

const people = simulateRespondents({
	respondents: 1_000,
	seed: 7,
	attention: true,
	missingRate: 0.02
});
const answers = people.map((person) => person.answers);
const ids = Object.keys(answers[0]!);

function rate(label: string, run: (answers: Record<string, number | undefined>) => number): number {
	let sink = 0;
	for (let i = 0; i < 20_000; i++) sink += run(answers[i % answers.length]!); // warm-up
	const rounds = 300_000;
	const start = performance.now();
	for (let i = 0; i < rounds; i++) sink += run(answers[i % answers.length]!);
	const seconds = (performance.now() - start) / 1000;
	const perSecond = rounds / seconds;
	console.log(
		`${label.padEnd(38)} ${Math.round(perSecond).toLocaleString('en').padStart(12)} /s  (sink ${sink % 7})`
	);
	return perSecond;
}

const baseline = rate('baseline: sum the 55 answers', (a) => {
	let sum = 0;
	for (const id of ids) sum += a[id] ?? 0;
	return sum;
});
const scored = rate('scoreAssessment (flags, bands)', (a) => {
	const score = scoreAssessment(a, { attentionPresented: true });
	return score.flags.length + (score.position ?? 0);
});
console.log(
	`scoring / baseline: ${(scored / baseline).toFixed(3)}; budget ≥ 100,000/s: ${scored >= 100_000 ? 'met' : 'MISSED'}`
);

const rows = simulateRespondents({
	respondents: 10_000,
	seed: 8,
	attention: true,
	missingRate: 0.02
});
const csv = responsesCsv(
	rows.map((person, index) => ({ respondent: `r${index + 1}`, answers: person.answers }))
);
let output = 0;
const io = {
	stdout: (text: string) => void (output += text.length),
	stderr: (text: string) => void process.stderr.write(text),
	readFile: async () => csv
};
for (const command of ['score', 'reliability']) {
	const start = performance.now();
	const code = await runInstrumentCommand([command, 'responses.csv'], io);
	const ms = performance.now() - start;
	console.log(
		`CLI ${command} 10,000 rows: ${ms.toFixed(0)} ms (exit ${code}; budget < 2000 ms: ${ms < 2000 ? 'met' : 'MISSED'})`
	);
}
console.log(
	`(${(csv.length / 1e6).toFixed(1)} MB of CSV, ${output.toLocaleString('en')} characters printed)`
);
