import { describe, expect, it } from 'vitest';
import { coachGapWords, gapWords, GROUP_NAMES, GROUP_NAMES_FOR_COACH } from './self-vs-others.ts';

const WAYS = ['more-dependent', 'more-independent', 'about-the-same'] as const;
const CODES = ['FAM', 'FRI', 'TEAM'] as const;

describe('what a self-versus-others comparison says', () => {
	it.each(WAYS)('speaks to the client about themselves when others see them %s', (way) => {
		for (const code of CODES) {
			const words = gapWords(way, GROUP_NAMES[code]);
			expect(words.summary).toMatch(/\byou\b/);
		}
	});

	it.each(WAYS)('speaks to the coach about their client when others see them %s', (way) => {
		for (const code of CODES) {
			const words = coachGapWords(way, GROUP_NAMES_FOR_COACH[code]);
			const all = `${words.summary} ${words.action} ${words.reflection}`;
			expect(words.summary).toContain('your client');
			// Never the client's "you", "yourself" or "your friends".
			expect(all).not.toMatch(/\byou\b|\byourself\b|\byour (family|friends|team)\b/i);
			expect(all).toContain(GROUP_NAMES_FOR_COACH[code]);
		}
	});
});
