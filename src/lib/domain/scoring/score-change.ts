import { reliableChange, type ReliableChange } from './precision.ts';
import type { AssessmentScore } from './score-assessment.ts';

/**
 * The change between two results as the app shows it: the overall positions and the SEMs each
 * result was scored with. Null when either result has no overall position.
 */
export function changeBetween(
	before: AssessmentScore,
	after: AssessmentScore
): ReliableChange | null {
	if (before.position === null || after.position === null || !before.band || !after.band)
		return null;
	return reliableChange(
		{ position: before.position, sem: before.band.sem },
		{ position: after.position, sem: after.band.sem }
	);
}
