import type { ItemText } from './schema.ts';

/**
 * Family items, v1. Item 6 of each cell is reversed by meaning (an opposite behaviour,
 * never a "not"): DEP_6 decides alone, IND_6 asks for help, MUT_6 steps back.
 */
export const familyItems: ItemText[] = [
	{
		id: 'FAM_DEP_1',
		reversed: false,
		text: 'In the past month, I asked a family member what to do before I made up my own mind.',
		raterText:
			'In the past month, they asked a family member what to do before they made up their own mind.'
	},
	{
		id: 'FAM_DEP_2',
		reversed: false,
		text: 'In the past month, I let someone in my family make a phone call or fill in a form that I could have done.',
		raterText:
			'In the past month, they let someone in their family make a phone call or fill in a form that they could have done.'
	},
	{
		id: 'FAM_DEP_3',
		reversed: false,
		text: 'In the past month, I needed a family member to tell me I had chosen well before I felt settled.',
		raterText:
			'In the past month, they needed a family member to tell them they had chosen well before they felt settled.'
	},
	{
		id: 'FAM_DEP_4',
		reversed: false,
		text: 'In the past month, my family made a plan for me and I went along with it.',
		raterText: 'In the past month, their family made a plan for them and they went along with it.'
	},
	{
		id: 'FAM_DEP_5',
		reversed: false,
		text: 'In the past month, when something upset me, I looked to a family member to calm me down.',
		raterText:
			'In the past month, when something upset them, they looked to a family member to calm them down.'
	},
	{
		id: 'FAM_DEP_6',
		reversed: true,
		text: 'In the past month, I made a choice about my own life and told my family once it was done.',
		raterText:
			'In the past month, they made a choice about their own life and told their family once it was done.'
	},
	{
		id: 'FAM_IND_1',
		reversed: false,
		text: 'In the past month, I dealt with a hard family problem by myself and told no one at home.',
		raterText:
			'In the past month, they dealt with a hard family problem by themselves and told no one at home.'
	},
	{
		id: 'FAM_IND_2',
		reversed: false,
		text: 'In the past month, I said no when a family member offered to help me.',
		raterText: 'In the past month, they said no when a family member offered to help them.'
	},
	{
		id: 'FAM_IND_3',
		reversed: false,
		text: 'In the past month, I kept a worry to myself instead of sharing it with my family.',
		raterText:
			'In the past month, they kept a worry to themselves instead of sharing it with their family.'
	},
	{
		id: 'FAM_IND_4',
		reversed: false,
		text: 'In the past month, I did a job at home alone because it was quicker than explaining it.',
		raterText:
			'In the past month, they did a job at home alone because it was quicker than explaining it.'
	},
	{
		id: 'FAM_IND_5',
		reversed: false,
		text: 'In the past month, I put off asking my family for something I needed.',
		raterText: 'In the past month, they put off asking their family for something they needed.'
	},
	{
		id: 'FAM_IND_6',
		reversed: true,
		text: 'In the past month, when I had too much to do, I asked someone in my family to take part of it.',
		raterText:
			'In the past month, when they had too much to do, they asked someone in their family to take part of it.'
	},
	{
		id: 'FAM_MUT_1',
		reversed: false,
		text: 'In the past month, I let a family member help me with something and thanked them for it.',
		raterText:
			'In the past month, they let a family member help them with something and thanked them for it.'
	},
	{
		id: 'FAM_MUT_2',
		reversed: false,
		text: 'In the past month, I told someone in my family about a problem and we worked it out together.',
		raterText:
			'In the past month, they told someone in their family about a problem and they worked it out together.'
	},
	{
		id: 'FAM_MUT_3',
		reversed: false,
		text: 'In the past month, I leaned on a family member on a busy or hard day.',
		raterText: 'In the past month, they leaned on a family member on a busy or hard day.'
	},
	{
		id: 'FAM_MUT_4',
		reversed: false,
		text: 'In the past month, a family member came to me for help and I made time for it.',
		raterText: 'In the past month, a family member came to them for help and they made time for it.'
	},
	{
		id: 'FAM_MUT_5',
		reversed: false,
		text: 'In the past month, I offered to help someone in my family before they had to ask.',
		raterText:
			'In the past month, they offered to help someone in their family before that person had to ask.'
	},
	{
		id: 'FAM_MUT_6',
		reversed: true,
		text: 'In the past month, when a family member had a problem, I left them to work it out on their own.',
		raterText:
			'In the past month, when a family member had a problem, they left that person to work it out alone.'
	}
];
