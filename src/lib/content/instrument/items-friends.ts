import type { ItemText } from './schema.ts';

/**
 * Friends items, v1. Item 6 of each cell is reversed by meaning (an opposite behaviour,
 * never a "not"): DEP_6 goes ahead alone, IND_6 asks for advice, MUT_6 gives space.
 */
export const friendsItems: ItemText[] = [
	{
		id: 'FRI_DEP_1',
		reversed: false,
		text: 'In the past month, I asked a friend to help me choose before I made up my mind.',
		raterText:
			'In the past month, they asked a friend to help them choose before they made up their mind.'
	},
	{
		id: 'FRI_DEP_2',
		reversed: false,
		text: 'In the past month, I waited for a friend to make plans instead of making them myself.',
		raterText:
			'In the past month, they waited for a friend to make plans instead of making them themselves.'
	},
	{
		id: 'FRI_DEP_3',
		reversed: false,
		text: 'In the past month, I messaged a friend to check that things were still fine between us.',
		raterText:
			'In the past month, they messaged a friend to check that things were still fine between them.'
	},
	{
		id: 'FRI_DEP_4',
		reversed: false,
		text: 'In the past month, I changed my plans so I could do what my friends were doing.',
		raterText:
			'In the past month, they changed their plans so they could do what their friends were doing.'
	},
	{
		id: 'FRI_DEP_5',
		reversed: false,
		text: 'In the past month, I asked a friend to sort something out for me that I could have sorted out.',
		raterText:
			'In the past month, they asked a friend to sort something out for them that they could have sorted out.'
	},
	{
		id: 'FRI_DEP_6',
		reversed: true,
		text: 'In the past month, I went to an event or tried something new on my own.',
		raterText: 'In the past month, they went to an event or tried something new on their own.'
	},
	{
		id: 'FRI_IND_1',
		reversed: false,
		text: 'In the past month, I got through a hard week without telling any of my friends.',
		raterText:
			'In the past month, they got through a hard week without telling any of their friends.'
	},
	{
		id: 'FRI_IND_2',
		reversed: false,
		text: 'In the past month, I told a friend I was fine when I was having a hard time.',
		raterText:
			'In the past month, they told a friend they were fine when they were having a hard time.'
	},
	{
		id: 'FRI_IND_3',
		reversed: false,
		text: 'In the past month, I turned down a friend who offered to help me.',
		raterText: 'In the past month, they turned down a friend who offered to help them.'
	},
	{
		id: 'FRI_IND_4',
		reversed: false,
		text: 'In the past month, I fixed a problem on my own rather than bother a friend with it.',
		raterText:
			'In the past month, they fixed a problem on their own rather than bother a friend with it.'
	},
	{
		id: 'FRI_IND_5',
		reversed: false,
		text: 'In the past month, I did something I enjoy alone when I could have asked a friend along.',
		raterText:
			'In the past month, they did something they enjoy alone when they could have asked a friend along.'
	},
	{
		id: 'FRI_IND_6',
		reversed: true,
		text: 'In the past month, when I was unsure what to do, I asked a friend for advice.',
		raterText:
			'In the past month, when they were unsure what to do, they asked a friend for advice.'
	},
	{
		id: 'FRI_MUT_1',
		reversed: false,
		text: 'In the past month, I let a friend help me with something I found hard.',
		raterText: 'In the past month, they let a friend help them with something they found hard.'
	},
	{
		id: 'FRI_MUT_2',
		reversed: false,
		text: 'In the past month, I talked a problem through with a friend and took some of their advice.',
		raterText:
			'In the past month, they talked a problem through with a friend and took some of the friend’s advice.'
	},
	{
		id: 'FRI_MUT_3',
		reversed: false,
		text: 'In the past month, I took a favour from a friend without rushing to pay it back.',
		raterText: 'In the past month, they took a favour from a friend without rushing to pay it back.'
	},
	{
		id: 'FRI_MUT_4',
		reversed: false,
		text: 'In the past month, a friend asked me for help and I was there for them.',
		raterText:
			'In the past month, a friend asked them for help and they were there for that friend.'
	},
	{
		id: 'FRI_MUT_5',
		reversed: false,
		text: 'In the past month, I checked in on a friend who was going through a hard time.',
		raterText: 'In the past month, they checked in on a friend who was going through a hard time.'
	},
	{
		id: 'FRI_MUT_6',
		reversed: true,
		text: 'In the past month, when a friend was going through something, I gave them space to handle it alone.',
		raterText:
			'In the past month, when a friend was going through something, they gave that friend space to handle it alone.'
	}
];
