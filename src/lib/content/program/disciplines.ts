/**
 * The four disciplines entries and actions are tagged with. Kept apart from the reflection
 * journey (which validates itself with zod) so that pages in the browser can name them without
 * shipping a validation library.
 */
export const DISCIPLINES = ['self-awareness', 'discernment', 'commitment', 'perspective'] as const;
export type Discipline = (typeof DISCIPLINES)[number];

export const DISCIPLINE_NAMES: Record<Discipline, string> = {
	'self-awareness': 'Self-awareness',
	discernment: 'Discernment',
	commitment: 'Commitment',
	perspective: 'Perspective'
};
