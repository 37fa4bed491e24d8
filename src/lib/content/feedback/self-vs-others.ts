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

/**
 * The same comparison for the client's coach, who reads it about someone else: what it may mean,
 * something to raise in a session, and a question to ask the client. `group` names the people
 * from the client's side ("their friends").
 */
export function coachGapWords(othersSee: SelfVsOthers['othersSee'], group: string): GapWords {
	switch (othersSee) {
		case 'more-dependent':
			return {
				summary: `${capitalise(group)} see your client leaning on others more than the client's own answers say. The gap is larger than measurement noise: it may be a blind spot worth talking through.`,
				action: `In your next session, ask about one thing your client usually hands to ${group}, and whether they could decide it themselves.`,
				reflection: `When did ${group} last step in? Did your client ask, or did they offer first?`
			};
		case 'more-independent':
			return {
				summary: `${capitalise(group)} see your client going it alone more than the client's own answers say. The gap is larger than measurement noise: it may be a blind spot worth talking through.`,
				action: `In your next session, look together for one small thing your client could ask ${group} to help with.`,
				reflection: `What might ${group} notice that makes your client look more self-reliant to them than your client feels?`
			};
		case 'about-the-same':
			return {
				summary: `${capitalise(group)} see your client much as the client sees themselves: any gap is within measurement noise.`,
				action: `Ask your client what in this result rang true, and what ${group} might add.`,
				reflection: `Where does the way ${group} see your client match how your client wants to be, and where not yet?`
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

/** The same groups, named from the coach's side. */
export const GROUP_NAMES_FOR_COACH = {
	FAM: 'their family',
	FRI: 'their friends',
	TEAM: 'their team'
} as const;
