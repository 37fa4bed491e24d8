import { describe, expect, it } from 'vitest';
import { BUILT_IN_PROGRAM } from '../../content/programs/builtin.ts';
import { describeDelivery } from './describe.ts';
import { formOfStep, newStepId, stepFromForm } from './step-form.ts';

describe("the builder's step form", () => {
	it('gives back every built-in step from its own form, words and leans intact', () => {
		for (const step of BUILT_IN_PROGRAM.steps) {
			const suggestions = step.kind === 'actions' ? step.suggestions : [];
			const made = stepFromForm(formOfStep(step), step.id, step.kind, suggestions);
			expect(made.ok).toBe(true);
			if (!made.ok) continue;
			// Prompt ids are renumbered from the step id; everything a person reads is the same.
			const strip = (s: typeof step) =>
				s.kind === 'reflection'
					? {
							...s,
							prompts: s.prompts.map(({ text, hint, for: lean }) => ({ text, hint, for: lean }))
						}
					: s;
			expect(strip(made.step)).toEqual(strip(step));
		}
	});

	it('gives the range of days when a whole number is out of it', () => {
		for (const [days, dueDays, field, message] of [
			['-3', '7', 'days', 'Enter a number of days from 0 to 365.'],
			['99999', '7', 'days', 'Enter a number of days from 0 to 365.'],
			['3', '0', 'dueDays', 'Enter a number of days from 1 to 365.']
		] as const) {
			const made = stepFromForm(
				{ title: 'T', rule: 'days-after-start', days, dueDays, body: 'x' },
				'a',
				'reading',
				[]
			);
			expect(made.ok ? null : made.fields[field], `${field} ${days} ${dueDays}`).toBe(message);
		}
	});

	it('names the field at fault, in words a coach understands', () => {
		const made = stepFromForm(
			{ title: '', rule: 'days-after-start', days: 'three', dueDays: '7', body: 'x' },
			'a',
			'reading',
			[]
		);
		expect(made).toEqual({
			ok: false,
			fields: { title: 'Write something here.', days: 'Enter a whole number of days.' }
		});
	});

	it('makes step ids from titles that no other step has', () => {
		expect(newStepId('Why the middle?', new Set())).toBe('why-the-middle');
		expect(newStepId('Why the middle?', new Set(['why-the-middle']))).toBe('why-the-middle-2');
		expect(newStepId('!!!', new Set())).toBe('step');
	});

	it('says when each step comes', () => {
		expect(
			BUILT_IN_PROGRAM.steps.map((_, i) => describeDelivery(BUILT_IN_PROGRAM.steps, i)).slice(0, 2)
		).toEqual(['Right away, from the start', 'Once “Where do I land?” is done']);
	});
});
