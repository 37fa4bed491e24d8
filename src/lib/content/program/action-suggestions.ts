import { z } from 'zod';
import { DOMAINS } from '../instrument/codes.ts';
import { DISCIPLINES } from './reflection.ts';
import { ACTION_KINDS, WHAT_MAX } from '../../domain/actions/kinds.ts';
import { SUITS } from '../../domain/actions/suggestions.ts';

/**
 * Ideas for small actions, in Midpoint's own words. `suits` says which lean an idea practises
 * against: people who lean independent practise asking and including; people who lean dependent
 * practise deciding and offering; some ideas suit anyone. The form shows a few that fit.
 */
const suggestionSchema = z.object({
	id: z.string().regex(/^(ind|dep|any)-[a-z0-9-]+$/),
	text: z.string().min(20).max(WHAT_MAX),
	domain: z.enum(DOMAINS),
	kind: z.enum(ACTION_KINDS),
	discipline: z.enum(DISCIPLINES),
	suits: z.enum(SUITS)
});
export type ActionSuggestion = z.infer<typeof suggestionSchema>;

export const ACTION_SUGGESTIONS: readonly ActionSuggestion[] = z
	.array(suggestionSchema)
	.min(20)
	.refine((list) => new Set(list.map((s) => s.id)).size === list.length, 'Ids must be unique.')
	.refine(
		(list) => list.every((s) => s.id.startsWith(s.suits.slice(0, 3))),
		'An id starts with the lean it suits.'
	)
	.parse([
		// For people who lean independent: ask, include, let others carry a part.
		{
			id: 'ind-early-look',
			text: 'Ask a colleague to look at a piece of your work while it is still rough, not once it is polished.',
			domain: 'TEAM',
			kind: 'ask-help',
			discipline: 'discernment',
			suits: 'independent'
		},
		{
			id: 'ind-hand-over',
			text: 'Hand one task you always keep to someone on your team, and let them do it their way.',
			domain: 'TEAM',
			kind: 'step-back',
			discipline: 'commitment',
			suits: 'independent'
		},
		{
			id: 'ind-their-kitchen',
			text: 'Ask someone at home to plan and cook one meal this week, and stay out of the kitchen.',
			domain: 'FAM',
			kind: 'step-back',
			discipline: 'perspective',
			suits: 'independent'
		},
		{
			id: 'ind-before-solved',
			text: 'Tell a friend about something that weighs on you while it is still unsolved.',
			domain: 'FRI',
			kind: 'ask-help',
			discipline: 'self-awareness',
			suits: 'independent'
		},
		{
			id: 'ind-what-would-you-do',
			text: 'Before a choice you would usually make alone, ask someone in your family what they would do.',
			domain: 'FAM',
			kind: 'ask-help',
			discipline: 'discernment',
			suits: 'independent'
		},
		{
			id: 'ind-say-yes',
			text: 'The next time a friend offers to help, say yes instead of "I am fine".',
			domain: 'FRI',
			kind: 'ask-help',
			discipline: 'self-awareness',
			suits: 'independent'
		},
		{
			id: 'ind-blank-page',
			text: 'Plan the next step of a project with a teammate, starting together from a blank page.',
			domain: 'TEAM',
			kind: 'together',
			discipline: 'perspective',
			suits: 'independent'
		},
		{
			id: 'ind-half-idea',
			text: 'Share a half-formed idea in a team meeting and ask what others would change.',
			domain: 'TEAM',
			kind: 'ask-help',
			discipline: 'perspective',
			suits: 'independent'
		},
		{
			id: 'ind-chore-company',
			text: 'Invite a friend along for a chore you would normally rush through by yourself.',
			domain: 'FRI',
			kind: 'together',
			discipline: 'commitment',
			suits: 'independent'
		},
		// For people who lean dependent: decide, act, then share; be the one who offers.
		{
			id: 'dep-book-it',
			text: 'Choose where you and a friend will meet, book it, and send them the plan.',
			domain: 'FRI',
			kind: 'decide-share',
			discipline: 'commitment',
			suits: 'dependent'
		},
		{
			id: 'dep-own-call',
			text: 'Make one small work decision that is yours to make, then tell your manager what you chose and why.',
			domain: 'TEAM',
			kind: 'decide-share',
			discipline: 'discernment',
			suits: 'dependent'
		},
		{
			id: 'dep-weekend-morning',
			text: 'Plan a weekend morning for your household on your own, then share the plan with them.',
			domain: 'FAM',
			kind: 'decide-share',
			discipline: 'commitment',
			suits: 'dependent'
		},
		{
			id: 'dep-take-one-thing',
			text: 'Notice a teammate who is stretched and offer to take one specific thing off their list.',
			domain: 'TEAM',
			kind: 'offer-help',
			discipline: 'perspective',
			suits: 'dependent'
		},
		{
			id: 'dep-send-unchecked',
			text: 'Send a message you have been drafting without asking anyone to check it. Tell a friend afterwards how it went.',
			domain: 'FRI',
			kind: 'decide-share',
			discipline: 'self-awareness',
			suits: 'dependent'
		},
		{
			id: 'dep-start-to-finish',
			text: 'Take one household job you usually leave to someone else from start to finish, then let them know it is done.',
			domain: 'FAM',
			kind: 'decide-share',
			discipline: 'commitment',
			suits: 'dependent'
		},
		{
			id: 'dep-carry-for-them',
			text: 'Offer a family member help with something they are carrying, and follow it through.',
			domain: 'FAM',
			kind: 'offer-help',
			discipline: 'perspective',
			suits: 'dependent'
		},
		{
			id: 'dep-speak-first',
			text: 'In your next team discussion, say what you think before you ask what others think.',
			domain: 'TEAM',
			kind: 'decide-share',
			discipline: 'self-awareness',
			suits: 'dependent'
		},
		{
			id: 'dep-call-first',
			text: 'Be the one who reaches out: call a friend who usually calls you, and ask how they really are.',
			domain: 'FRI',
			kind: 'offer-help',
			discipline: 'perspective',
			suits: 'dependent'
		},
		// For anyone: help and be helped, on purpose.
		{
			id: 'any-cook-together',
			text: 'Cook a meal with someone at home, sharing the jobs from shopping to washing up.',
			domain: 'FAM',
			kind: 'together',
			discipline: 'commitment',
			suits: 'any'
		},
		{
			id: 'any-trade-skills',
			text: 'Trade skills with a friend: teach them one thing, and ask them to teach you one.',
			domain: 'FRI',
			kind: 'together',
			discipline: 'perspective',
			suits: 'any'
		},
		{
			id: 'any-look-back',
			text: 'After a shared task at work, take ten minutes with a teammate to name what each of you brought.',
			domain: 'TEAM',
			kind: 'together',
			discipline: 'self-awareness',
			suits: 'any'
		},
		{
			id: 'any-welcome-help',
			text: 'Ask someone in your family what help they would actually welcome from you, then give it.',
			domain: 'FAM',
			kind: 'offer-help',
			discipline: 'discernment',
			suits: 'any'
		},
		{
			id: 'any-walk-and-talk',
			text: 'Take a walk with a friend and talk through a choice each of you is facing.',
			domain: 'FRI',
			kind: 'together',
			discipline: 'discernment',
			suits: 'any'
		},
		{
			id: 'any-split-and-join',
			text: 'Split a piece of work with a colleague so each of you owns a part, then put the parts together.',
			domain: 'TEAM',
			kind: 'together',
			discipline: 'commitment',
			suits: 'any'
		}
	]);

export function findSuggestion(id: string | null | undefined): ActionSuggestion | undefined {
	return id ? ACTION_SUGGESTIONS.find((s) => s.id === id) : undefined;
}
