import { leanFor } from '../../domain/lean.ts';
import type { ReflectionStep } from './reflection.ts';

/**
 * Which version of step 2 a person sees. A result with a lean (the line the result page uses for
 * "near the midpoint", see domain/lean.ts) picks the version; without one, or pulled both ways,
 * the person chooses. See docs/decisions/0010-journal-and-encryption.md.
 */
export type ExamineVariant = 'independent' | 'dependent';

export function examineVariantFor(
	result: { position: number | null; pulledBothWays: boolean } | null
): ExamineVariant | 'choose' {
	const lean = leanFor(result?.position, result?.pulledBothWays);
	return lean === 'mixed' ? 'choose' : lean;
}

/** The prompts of a step shown for a variant (only step 2 differs). */
export function promptsFor(step: ReflectionStep, variant: ExamineVariant) {
	if (step.id !== 'examine') return step.prompts;
	return step.prompts.filter((p) => p.id.startsWith(`examine-${variant}-`));
}
