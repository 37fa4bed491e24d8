import { z } from 'zod';
import { DISCIPLINES, DISCIPLINE_NAMES, type Discipline } from './disciplines.ts';

/**
 * The reflection journey: five steps, each with short prompts, in Midpoint's own words.
 * Step 2 has two versions; which one a person sees depends on their latest result (see lean.ts).
 */
export { DISCIPLINES, DISCIPLINE_NAMES, type Discipline };

const promptSchema = z.object({
	id: z.string().regex(/^[a-z0-9-]+$/),
	text: z.string().min(10),
	hint: z.string().min(10)
});
const stepSchema = z.object({
	id: z.enum(['locate', 'examine', 'resonate', 'commit', 'report']),
	number: z.number().int().min(1).max(5),
	title: z.string().min(3),
	intro: z.string().min(10),
	prompts: z.array(promptSchema).min(1)
});
export type ReflectionStep = z.infer<typeof stepSchema>;
export type ReflectionPrompt = z.infer<typeof promptSchema>;

const steps = z.array(stepSchema).parse([
	{
		id: 'locate',
		number: 1,
		title: 'Where do I land?',
		intro: 'Start with your result. Notice what fits, and what does not.',
		prompts: [
			{
				id: 'locate-first-look',
				text: 'What is your first reaction to where you landed?',
				hint: 'Surprised, relieved, unsure? Write it as it comes.'
			},
			{
				id: 'locate-three-places',
				text: 'Where are you different at home, with friends and at work?',
				hint: 'Think of one person in each place and how you act with them.'
			}
		]
	},
	{
		id: 'examine',
		number: 2,
		title: 'My patterns',
		intro: 'Look closely at how your lean shows up, and what it costs the people around you.',
		prompts: [
			{
				id: 'examine-independent-when',
				text: 'When does standing on your own turn into going it alone?',
				hint: 'Name a recent moment when you kept something to yourself that others could have helped with.'
			},
			{
				id: 'examine-independent-pattern',
				text: 'What pattern do you see in those moments?',
				hint: 'What do you tell yourself just before you decide to handle it alone?'
			},
			{
				id: 'examine-independent-cost',
				text: 'What does it cost your family, your friends and your team?',
				hint: 'Who is left out, or left guessing, when you carry it alone?'
			},
			{
				id: 'examine-dependent-when',
				text: 'When does leaning on others turn into waiting for them?',
				hint: 'Name a recent moment when you held back a decision that was yours to make.'
			},
			{
				id: 'examine-dependent-pattern',
				text: 'What pattern do you see in those moments?',
				hint: 'What are you hoping will happen when you hand the choice to someone else?'
			},
			{
				id: 'examine-dependent-cost',
				text: 'What does it cost your family, your friends and your team?',
				hint: 'Who ends up carrying more than their share, and how might they feel?'
			}
		]
	},
	{
		id: 'resonate',
		number: 3,
		title: 'What speaks to me about the middle',
		intro: 'Interdependence means owning your part and letting others own theirs.',
		prompts: [
			{
				id: 'resonate-draw',
				text: 'What about relying on others, and being relied on, appeals to you?',
				hint: 'It can be a feeling, a picture, or a person who does it well.'
			},
			{
				id: 'resonate-together',
				text: 'When did doing something together work out better than alone?',
				hint: 'Or better than letting someone else do it all. What made the difference?'
			}
		]
	},
	{
		id: 'commit',
		number: 4,
		title: 'What I will do',
		intro: 'Choose small actions with real people: ask, offer, or do something together.',
		prompts: [
			{
				id: 'commit-action',
				text: 'What is one small thing you will do this week, and with whom?',
				hint: 'Small enough to do for sure. Name the person and the day.'
			},
			{
				id: 'commit-obstacle',
				text: 'What might stop you, and what will you do then?',
				hint: 'Plan for the moment you are tempted to fall back on the old habit.'
			}
		]
	},
	{
		id: 'report',
		number: 5,
		title: 'Reporting back',
		intro: 'Say what happened. Every attempt teaches something, whatever the outcome.',
		prompts: [
			{
				id: 'report-what-happened',
				text: 'What happened when you tried it?',
				hint: 'What did you do, what did the other person do, and how did it feel?'
			},
			{
				id: 'report-next',
				text: 'What will you try next time?',
				hint: 'Keep what worked; change one thing that did not.'
			}
		]
	}
]);

export const reflectionSteps: readonly ReflectionStep[] = steps;

export function findPrompt(
	stepId: string,
	promptId: string
): { step: ReflectionStep; prompt: ReflectionPrompt } | null {
	const step = steps.find((s) => s.id === stepId);
	const prompt = step?.prompts.find((p) => p.id === promptId);
	return step && prompt ? { step, prompt } : null;
}
