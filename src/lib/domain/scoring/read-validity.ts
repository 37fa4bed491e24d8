/**
 * Plain-words readings of the structure check's figures, for the practice's instrument page.
 * The cut-offs are the usual guides (Hu & Bentler 1999 for fit; .70 and .80 for a short scale's
 * reliability), printed beside each figure so a reader can judge for themselves.
 */
export type Reading = { verdict: 'good' | 'fair' | 'poor'; text: string };

export type FitIndex = 'cfi' | 'tli' | 'rmsea' | 'srmr';

export const FIT_GUIDES: Record<FitIndex, { label: string; guide: string }> = {
	cfi: { label: 'CFI', guide: '.95 or more is good' },
	tli: { label: 'TLI', guide: '.95 or more is good' },
	rmsea: { label: 'RMSEA', guide: '.06 or less is good' },
	srmr: { label: 'SRMR', guide: '.08 or less is good' }
};

const higherIsBetter = (value: number, good: number, fair: number): Reading['verdict'] =>
	value >= good ? 'good' : value >= fair ? 'fair' : 'poor';
const lowerIsBetter = (value: number, good: number, fair: number): Reading['verdict'] =>
	value <= good ? 'good' : value <= fair ? 'fair' : 'poor';

const FIT_TEXT: Record<Reading['verdict'], string> = {
	good: "Your clients' answers follow the design: three kinds of relationship, three leanings in each.",
	fair: 'Your answers roughly follow the design, but some lines may go with a part other than their own.',
	poor: "Your clients' answers do not follow the nine-part design well; read the parts' positions with care and look at the lines with low item-total r."
};

export function readFit(index: FitIndex, value: number): Reading {
	const verdict = Number.isNaN(value)
		? 'poor'
		: index === 'cfi' || index === 'tli'
			? higherIsBetter(value, 0.95, 0.9)
			: index === 'rmsea'
				? lowerIsBetter(value, 0.06, 0.08)
				: lowerIsBetter(value, 0.08, 0.1);
	return { verdict, text: FIT_TEXT[verdict] };
}

/** Alpha or omega of one part (six lines). */
export function readReliability(value: number | null): Reading {
	if (value === null || Number.isNaN(value))
		return { verdict: 'poor', text: 'Not enough complete answers to work it out.' };
	if (value >= 0.8)
		return {
			verdict: 'good',
			text: 'The six lines agree well: this part is measured consistently.'
		};
	if (value >= 0.7)
		return {
			verdict: 'fair',
			text: 'Acceptable for six lines, though positions here are less precise.'
		};
	return {
		verdict: 'poor',
		text: "The six lines do not agree well for your clients: treat this part's position with care."
	};
}

/** The weakest line of a part: its correlation with the part's other five lines. */
export function readWeakestLine(value: number | null): Reading {
	if (value === null)
		return { verdict: 'poor', text: 'Not enough complete answers to work it out.' };
	if (value >= 0.3)
		return { verdict: 'good', text: 'Every line goes along with the rest of its part.' };
	if (value >= 0.15)
		return { verdict: 'fair', text: 'One line goes along with its part only weakly.' };
	return {
		verdict: 'poor',
		text: 'At least one line is read differently from the rest of its part by your clients.'
	};
}
