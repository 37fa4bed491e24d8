import { describe, expect, it } from 'vitest';
import { renderReading } from './reading.ts';
import { program, reading } from '../../../../tests/factories/programs.ts';
import type { ProgramStep } from './schema.ts';
import { ANY_TEAM } from './any-team.ts';
import { checkProgram, checkPublishable } from './validate.ts';

describe('program validation', () => {
	it('accepts a well-formed program', () => {
		const checked = checkProgram(
			program([
				reading('a', { rule: 'right-away' }),
				reading('b', { rule: 'days-after-previous', days: 3 }),
				reading('c', { rule: 'after-previous', after: 'a' })
			])
		);
		expect(checked.ok).toBe(true);
	});

	it('names the exact place of the first error', () => {
		const bad = program([reading('a', { rule: 'right-away' })]);
		(bad.steps[0] as unknown as { delivery: unknown }).delivery = {
			rule: 'days-after-start',
			days: -2
		};
		const checked = checkProgram(bad);
		expect(checked).toMatchObject({ ok: false, path: 'steps[0].delivery.days' });
	});

	it('says how long a text may be, and how long it is, when one is over its limit', () => {
		const long = program([reading('a', { rule: 'right-away' })]);
		long.summary = 'x'.repeat(2001);
		expect(checkProgram(long)).toMatchObject({
			ok: false,
			message: expect.stringContaining('can hold up to 2,000 characters; it has 2,001')
		});
		(long.steps[0] as { body: string }).body = 'y'.repeat(20_001);
		long.summary = '';
		expect(checkProgram(long)).toMatchObject({
			ok: false,
			message: expect.stringContaining('can hold up to 20,000 characters; it has 20,001')
		});
	});

	it('refuses a misspelt key rather than dropping it', () => {
		const checked = checkProgram({ ...program([]), titel: 'x' });
		expect(checked.ok).toBe(false);
	});

	it('refuses a newer schema version by name', () => {
		const checked = checkProgram({ ...program([]), schema: 2 });
		expect(checked).toMatchObject({ ok: false, path: 'schema' });
		if (!checked.ok) expect(checked.message).toMatch(/newer Midpoint \(schema 2\)/);
	});

	it('refuses a loop of steps waiting for each other', () => {
		const checked = checkProgram(
			program([
				reading('a', { rule: 'right-away' }),
				reading('b', { rule: 'after-previous', after: 'c' }),
				reading('c', { rule: 'after-previous', after: 'b' })
			])
		);
		expect(checked).toMatchObject({ ok: false, path: 'steps[1].delivery' });
		if (!checked.ok) expect(checked.message).toMatch(/waits, through other steps, for itself/);
	});

	it('refuses a first step that waits for the one before it', () => {
		const checked = checkProgram(program([reading('a', { rule: 'after-previous' })]));
		expect(checked).toMatchObject({ ok: false, path: 'steps[0].delivery' });
	});

	it('refuses a step waiting for a later one, a missing one, or itself', () => {
		const later = checkProgram(
			program([
				reading('a', { rule: 'right-away' }),
				reading('b', { rule: 'after-previous', after: 'c' }),
				reading('c', { rule: 'right-away' })
			])
		);
		expect(later).toMatchObject({ ok: false, path: 'steps[1].delivery.after' });
		const missing = checkProgram(
			program([
				reading('a', { rule: 'right-away' }),
				reading('b', { rule: 'after-previous', after: 'zz' })
			])
		);
		expect(missing).toMatchObject({ ok: false, path: 'steps[1].delivery.after' });
		const itself = checkProgram(program([reading('a', { rule: 'after-previous', after: 'a' })]));
		expect(itself).toMatchObject({ ok: false, path: 'steps[0].delivery.after' });
	});

	it('refuses a reading with raw HTML, and would escape it anyway', () => {
		const body = 'Hello <script>alert(1)</script>';
		const checked = checkProgram(program([reading('a', { rule: 'right-away' }, body)]));
		expect(checked).toMatchObject({ ok: false, path: 'steps[0].body' });
		const html = renderReading(body + '\n\n[x](javascript:alert(1))');
		expect(html).not.toContain('<script>');
		expect(html).toContain('&lt;script&gt;');
		expect(html).not.toContain('href="javascript');
		expect(renderReading('Read *this*.')).toBe('<p>Read <em>this</em>.</p>\n');
	});

	it('lets a draft be empty but not a published program', () => {
		expect(checkProgram(program([])).ok).toBe(true);
		expect(checkPublishable(program([]))).toMatchObject({ ok: false, path: 'steps' });
	});

	it('publishes a team check-in only when it names one of the practice’s running teams', () => {
		const team: ProgramStep = {
			id: 't',
			title: 'Team',
			kind: 'team-check-in',
			intro: 'How is the team?',
			delivery: { rule: 'right-away' },
			dueDays: 7
		};
		// A draft (or a file from elsewhere) may leave the team out; publishing may not.
		expect(checkProgram(program([team])).ok).toBe(true);
		const unnamed = checkPublishable(program([team]), new Set(['harbour']));
		expect(unnamed).toMatchObject({ ok: false, path: 'steps[0].team' });
		if (!unnamed.ok) expect(unnamed.message).toMatch(/Choose the team/);
		const gone = checkPublishable(program([{ ...team, team: 'deleted' }]), new Set(['harbour']));
		expect(gone).toMatchObject({ ok: false, path: 'steps[0].team' });
		if (!gone.ok) expect(gone.message).toMatch(/no longer runs in this practice/);
		expect(checkPublishable(program([{ ...team, team: 'harbour' }]), new Set(['harbour'])).ok).toBe(
			true
		);
		// Whichever team the client is on: meant the same in every practice.
		expect(checkPublishable(program([{ ...team, team: ANY_TEAM }]), new Set()).ok).toBe(true);
	});

	it('refuses two steps with the same id', () => {
		const checked = checkProgram(
			program([reading('a', { rule: 'right-away' }), reading('a', { rule: 'right-away' })])
		);
		expect(checked).toMatchObject({ ok: false, path: 'steps[1].id' });
	});
});
