import type { ReflectionStep } from './reflection.ts';

/**
 * Which version of step 2 a person sees. A result at least 15 points from the midpoint (the
 * same line the result page uses for "near the midpoint") picks the version; nearer than that,
 * or pulled both ways, the person chooses. See docs/decisions/0010-journal.md.
 */
export const EXAMINE_LEAN_THRESHOLD = 15;

export type ExamineVariant = 'independent' | 'dependent';

export function examineVariantFor(
	result: { position: number | null; pulledBothWays: boolean } | null
): ExamineVariant | 'choose' {
	if (!result || result.position === null || result.pulledBothWays) return 'choose';
	if (result.position <= -EXAMINE_LEAN_THRESHOLD) return 'independent';
	if (result.position >= EXAMINE_LEAN_THRESHOLD) return 'dependent';
	return 'choose';
}

/** The prompts of a step shown for a variant (only step 2 differs). */
export function promptsFor(step: ReflectionStep, variant: ExamineVariant) {
	if (step.id !== 'examine') return step.prompts;
	return step.prompts.filter((p) => p.id.startsWith(`examine-${variant}-`));
}
