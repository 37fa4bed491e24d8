import type { Lean } from '../lean.ts';
import type { ProgramStep, ReflectionPromptData } from './schema.ts';

type Reflection = Extract<ProgramStep, { kind: 'reflection' }>;

/** Whether a reflection step has prompts written for one lean (then a person near the midpoint chooses). */
export function differsByLean(step: Reflection): boolean {
	return step.prompts.some((p) => p.for !== 'any');
}

/**
 * The prompts a person sees: those for anyone plus those for their lean. Near the midpoint
 * (`mixed`, or no result yet) a step that differs by lean shows both sets, so the person can
 * pick, as the journal's step 2 lets such a person choose today.
 */
export function promptsForLean(step: Reflection, lean: Lean): ReflectionPromptData[] {
	if (lean === 'mixed') return step.prompts;
	return step.prompts.filter((p) => p.for === 'any' || p.for === lean);
}
