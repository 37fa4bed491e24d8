/**
 * Writes a responses file of simulated people (the format `midpoint instrument` reads) to stdout,
 * to try the CLI on data whose truth is known, e.g. the structure check in docs/instrument.md:
 *   node scripts/simulate-responses.ts 1000 --model alternative > sim.csv
 *   node bin/midpoint instrument validate sim.csv
 * Options: PEOPLE (default 1000), --seed N (default 1), --model project|alternative,
 * --kind honest|random|straight-line|alternating|half-careless (default honest).
 */
import { parseArgs } from 'node:util';
import { responsesCsv } from '../src/lib/domain/scoring/responses-csv.ts';
import {
	ALTERNATIVE_MODEL,
	PROJECT_MODEL,
	RESPONDER_KINDS,
	simulateResponders,
	type ResponderKind
} from '../src/lib/domain/scoring/responders.ts';

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		seed: { type: 'string', default: '1' },
		model: { type: 'string', default: 'project' },
		kind: { type: 'string', default: 'honest' }
	}
});
const people = Number(positionals[0] ?? 1000);
const seed = Number(values.seed);
const model = { project: PROJECT_MODEL, alternative: ALTERNATIVE_MODEL }[values.model];
const kind = values.kind as ResponderKind;
const problems = [
	!Number.isInteger(people) || people < 1 ? 'PEOPLE must be a whole number above 0' : '',
	!Number.isInteger(seed) ? '--seed must be a whole number' : '',
	model ? '' : '--model must be project or alternative',
	RESPONDER_KINDS.includes(kind) ? '' : `--kind must be one of ${RESPONDER_KINDS.join(', ')}`
].filter(Boolean);
if (problems.length > 0 || !model) {
	console.error(problems.join('\n'));
	process.exit(2);
}
const answers = simulateResponders(kind, model, people, seed);
process.stdout.write(
	responsesCsv(answers.map((a, i) => ({ respondent: `p${i + 1}`, answers: a })))
);
