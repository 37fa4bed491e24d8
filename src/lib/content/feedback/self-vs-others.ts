import type { SelfVsOthers } from '../../domain/feedback/blind-spot.ts';

export interface GapWords {
	/** What the gap means, in plain words. */
	summary: string;
	/** One small thing to try. */
	action: string;
	/** One question to sit with. */
	reflection: string;
}

/**
 * What a comparison says, by which way the others see the client. `group` is how the domain's
 * people are named in a sentence ("your friends"). Written in Midpoint's voice: second person,
 * warm, no verdicts.
 */
export function gapWords(othersSee: SelfVsOthers['othersSee'], group: string): GapWords {
	switch (othersSee) {
		case 'more-dependent':
			return {
				summary: `${capitalise(group)} see you leaning on others more than you see it yourself. The gap is larger than measurement noise, so it is worth a look: it may be a blind spot.`,
				action: `This week, pick one thing you would usually hand to ${group}, decide it yourself, then tell them how it went.`,
				reflection: `When did ${group} last step in for you? Did you ask, or did they offer before you could try?`
			};
		case 'more-independent':
			return {
				summary: `${capitalise(group)} see you going it alone more than you see it yourself. The gap is larger than measurement noise, so it is worth a look: it may be a blind spot.`,
				action: `This week, ask ${group} for help with one small thing you would normally handle alone.`,
				reflection: `What might ${group} have noticed that makes you look more self-reliant to them than you feel?`
			};
		case 'about-the-same':
			return {
				summary: `${capitalise(group)} see you much as you see yourself: any gap is within measurement noise.`,
				action: `Tell one of ${group} one thing from this result that rang true, and ask what they would add.`,
				reflection: `Where does the way ${group} see you match how you want to be, and where not yet?`
			};
	}
}

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

export const GROUP_NAMES = {
	FAM: 'your family',
	FRI: 'your friends',
	TEAM: 'your team'
} as const;
