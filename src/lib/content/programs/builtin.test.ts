import { describe, expect, it } from 'vitest';
import { ACTION_SUGGESTIONS } from '../program/action-suggestions.ts';
import { promptsFor } from '../program/lean.ts';
import { reflectionSteps } from '../program/reflection.ts';
import { checkPublishable } from '../../domain/programs/validate.ts';
import { promptsForLean } from '../../domain/programs/prompts.ts';
import { BUILT_IN_PROGRAM } from './builtin.ts';

describe('the built-in program', () => {
	const reflections = BUILT_IN_PROGRAM.steps.filter((s) => s.kind === 'reflection');

	it('has today’s five reflection steps, in order, word for word', () => {
		expect(reflections.map((s) => s.id)).toEqual(reflectionSteps.map((s) => s.id));
		for (const [i, step] of reflectionSteps.entries()) {
			const mine = reflections[i]!;
			expect({ title: mine.title, intro: mine.intro }).toEqual({
				title: step.title,
				intro: step.intro
			});
			expect(mine.prompts.map(({ id, text, hint }) => ({ id, text, hint }))).toEqual(step.prompts);
		}
	});

	it('shows each lean the same prompts as the journal does today', () => {
		for (const [i, step] of reflectionSteps.entries())
			for (const lean of ['independent', 'dependent'] as const)
				expect(promptsForLean(reflections[i]!, lean).map((p) => p.id)).toEqual(
					promptsFor(step, lean).map((p) => p.id)
				);
	});

	it('has today’s 24 action suggestions, field for field', () => {
		const actions = BUILT_IN_PROGRAM.steps.filter((s) => s.kind === 'actions');
		expect(actions).toHaveLength(1);
		expect(ACTION_SUGGESTIONS).toHaveLength(24);
		expect(actions[0]!.suggestions).toEqual(ACTION_SUGGESTIONS);
	});

	it('can be published as it is', () => {
		expect(checkPublishable(BUILT_IN_PROGRAM).ok).toBe(true);
	});
});
