import { demoClientSchema, demoPersonSchema, demoPracticeSchema, parseDemoFile } from './schema.ts';
// JSON modules, so the data travels with the code: Vite puts it in the server build, and the
// command line (Node running the sources) reads it natively. Nothing is read from disk at runtime.
import amara from './amara.json' with { type: 'json' };
import ben from './ben.json' with { type: 'json' };
import chen from './chen.json' with { type: 'json' };
import dana from './dana.json' with { type: 'json' };
import elif from './elif.json' with { type: 'json' };
import farid from './farid.json' with { type: 'json' };
import grace from './grace.json' with { type: 'json' };
import practice from './practice.json' with { type: 'json' };

/**
 * The people of the demo practice and what they wrote, in our own words: one file per person,
 * validated when this module loads (so a broken file fails the build and the tests, like the
 * instrument). The seeding is in src/lib/server/demo. Texts avoid weekday names, months and
 * seasons: the dates move with the day the demo is made.
 *
 * The shape of the practice, for whoever changes it: most clients drift towards the midpoint
 * (Amara, Ben, Dana, Farid), Chen stays put, Elif moves a little further out and has gone quiet
 * (Rosa asked her for a retake). Ben and Dana owe a report-back today; Amara and Farid have
 * shared things Rosa has not opened yet. Grace works on her own, without a coach.
 */
export const demoPractice = parseDemoFile(demoPracticeSchema, practice, 'practice.json');

/** Rosa's clients, in the order they are seeded (the order sets each one's hours). */
export const demoClients = (
	[
		['amara.json', amara],
		['ben.json', ben],
		['chen.json', chen],
		['dana.json', dana],
		['elif.json', elif],
		['farid.json', farid]
	] as const
).map(([file, data]) => parseDemoFile(demoClientSchema, data, file));

/** A client working on her own, with no coach. */
export const demoSelfGuided = parseDemoFile(demoPersonSchema, grace, 'grace.json');
