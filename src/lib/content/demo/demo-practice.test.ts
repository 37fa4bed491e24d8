import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoClients, demoPractice, demoSelfGuided } from './demo-practice.ts';
import { demoClientSchema, demoPersonSchema, parseDemoFile } from './schema.ts';

const folder = new URL('.', import.meta.url);
const read = (file: string): unknown => JSON.parse(readFileSync(new URL(file, folder), 'utf8'));
const amara = read('amara.json') as { entries: Record<string, unknown>[]; actions: unknown[] };
const problemsWith = (data: unknown) => () => parseDemoFile(demoClientSchema, data, 'amara.json');

describe('the demo practice as data', () => {
	it('loads every file in the folder, one per person, and nothing else', () => {
		const files = readdirSync(folder).filter((f) => f.endsWith('.json'));
		const people = [...demoClients, demoSelfGuided];
		expect(files.sort()).toEqual(
			['practice.json', ...people.map((p) => `${p.email.split('@')[0]}.json`)].sort()
		);
		expect(demoPractice.coach.name).toBe('Rosa Delgado');
		expect(demoClients.map((c) => c.name)).toEqual([
			'Amara Osei',
			'Ben Whitaker',
			'Chen Li',
			'Dana Kowalski',
			'Elif Yilmaz',
			'Farid Haddad'
		]);
		expect(() => parseDemoFile(demoPersonSchema, read('grace.json'), 'grace.json')).not.toThrow();
	});

	it('refuses a misspelt key, naming the file and the place', () => {
		const [first, ...rest] = amara.entries;
		const misspelt = { ...amara, entries: [{ ...first, shareDaysAgo: 3 }, ...rest] };
		expect(problemsWith(misspelt)).toThrow(/amara\.json is invalid:\nentries\.0: .*shareDaysAgo/);
	});

	it('refuses a history that could not have happened', () => {
		const entry = amara.entries[1]!; // a private one
		const withEntry = (changes: Record<string, unknown>) => ({
			...amara,
			entries: [{ ...entry, ...changes }]
		});
		expect(
			problemsWith(withEntry({ replies: [{ daysAgo: 1, from: 'coach', body: 'Hi' }] }))
		).toThrow('entries.0.replies: a private entry has no replies');
		expect(problemsWith(withEntry({ sharedDaysAgo: 400 }))).toThrow(
			'an entry is shared before it is written'
		);
		expect(problemsWith(withEntry({ promptId: 'commit-action' }))).toThrow(
			'not a prompt of examine'
		);
		expect(problemsWith(withEntry({ daysAgo: 0 }))).toThrow('every moment is in the past');
		const rhythm = {
			what: 'Ask for help once a week',
			withName: 'Kofi',
			domain: 'FAM',
			kind: 'ask-help',
			discipline: 'commitment',
			weekly: { lastDaysAgo: 3, weeks: [{ outcome: 'done' }, 'skip'] }
		};
		const withRhythm = (weekly: Record<string, unknown>) => ({
			...amara,
			actions: [{ ...rhythm, weekly: { ...rhythm.weekly, ...weekly } }]
		});
		expect(problemsWith(withRhythm({}))).not.toThrow();
		expect(problemsWith(withRhythm({ weeks: [{ outcome: 'done', lateBy: 9 }] }))).toThrow(
			'actions.0.weekly.weeks.0.lateBy: a report-back comes 0 to 6 days late'
		);
		// Open, not paused, and last reported on twelve days ago: a week would be owed by now.
		expect(problemsWith(withRhythm({ lastDaysAgo: 12 }))).toThrow(
			"an open rhythm's last week must be within the last 6 days"
		);
		expect(problemsWith(withRhythm({ weeks: ['skap'] }))).toThrow('a week is "skip", "miss"');
		const both = { ...rhythm, once: { createdDaysAgo: 5, dueDaysAgo: 1 } };
		expect(problemsWith({ ...amara, actions: [both] })).toThrow('either "weekly" or "once"');
	});
});
