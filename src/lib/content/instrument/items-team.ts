import type { ItemText } from './schema.ts';

/**
 * Work team items, v1. Item 6 of each cell is reversed by meaning (an opposite behaviour,
 * never a "not"): DEP_6 decides then informs, IND_6 asks early, MUT_6 sticks to own tasks.
 */
export const teamItems: ItemText[] = [
	{
		id: 'TEAM_DEP_1',
		reversed: false,
		text: 'In the past month, I checked with my manager before making a call that was part of my job.',
		raterText:
			'In the past month, they checked with their manager before making a call that was part of their job.'
	},
	{
		id: 'TEAM_DEP_2',
		reversed: false,
		text: 'In the past month, I waited for someone else on my team to take the first step on a task.',
		raterText:
			'In the past month, they waited for someone else on their team to take the first step on a task.'
	},
	{
		id: 'TEAM_DEP_3',
		reversed: false,
		text: 'In the past month, I asked a teammate to look over my work before I felt okay sending it.',
		raterText:
			'In the past month, they asked a teammate to look over their work before they felt okay sending it.'
	},
	{
		id: 'TEAM_DEP_4',
		reversed: false,
		text: 'In the past month, I let a teammate speak for me in a meeting where I had something to say.',
		raterText:
			'In the past month, they let a teammate speak for them in a meeting where they had something to say.'
	},
	{
		id: 'TEAM_DEP_5',
		reversed: false,
		text: 'In the past month, when I got stuck at work, I handed the problem to someone else.',
		raterText:
			'In the past month, when they got stuck at work, they handed the problem to someone else.'
	},
	{
		id: 'TEAM_DEP_6',
		reversed: true,
		text: 'In the past month, I made a decision at work and then let my team know what I had decided.',
		raterText:
			'In the past month, they made a decision at work and then let their team know what they had decided.'
	},
	{
		id: 'TEAM_IND_1',
		reversed: false,
		text: 'In the past month, when something at work went wrong, I sorted it out alone before anyone found out.',
		raterText:
			'In the past month, when something at work went wrong, they sorted it out alone before anyone found out.'
	},
	{
		id: 'TEAM_IND_2',
		reversed: false,
		text: 'In the past month, I stayed late to finish work alone rather than ask a teammate to share it.',
		raterText:
			'In the past month, they stayed late to finish work alone rather than ask a teammate to share it.'
	},
	{
		id: 'TEAM_IND_3',
		reversed: false,
		text: 'In the past month, I redid part of a teammate’s work myself instead of talking it through with them.',
		raterText:
			'In the past month, they redid part of a teammate’s work themselves instead of talking it through with that teammate.'
	},
	{
		id: 'TEAM_IND_4',
		reversed: false,
		text: 'In the past month, I kept quiet about being stuck at work and kept trying on my own.',
		raterText:
			'In the past month, they kept quiet about being stuck at work and kept trying on their own.'
	},
	{
		id: 'TEAM_IND_5',
		reversed: false,
		text: 'In the past month, I said no when a teammate offered to take some of my work.',
		raterText: 'In the past month, they said no when a teammate offered to take some of their work.'
	},
	{
		id: 'TEAM_IND_6',
		reversed: true,
		text: 'In the past month, I asked a teammate for help as soon as I hit a problem at work.',
		raterText:
			'In the past month, they asked a teammate for help as soon as they hit a problem at work.'
	},
	{
		id: 'TEAM_MUT_1',
		reversed: false,
		text: 'In the past month, I let a teammate take over part of my work when I was busy.',
		raterText:
			'In the past month, they let a teammate take over part of their work when they were busy.'
	},
	{
		id: 'TEAM_MUT_2',
		reversed: false,
		text: 'In the past month, I asked my team for ideas and used some of them.',
		raterText: 'In the past month, they asked their team for ideas and used some of them.'
	},
	{
		id: 'TEAM_MUT_3',
		reversed: false,
		text: 'In the past month, a teammate showed me a better way to do something, and I used it.',
		raterText:
			'In the past month, a teammate showed them a better way to do something, and they used it.'
	},
	{
		id: 'TEAM_MUT_4',
		reversed: false,
		text: 'In the past month, a teammate came to me with a problem and I helped them work it out.',
		raterText:
			'In the past month, a teammate came to them with a problem and they helped that teammate work it out.'
	},
	{
		id: 'TEAM_MUT_5',
		reversed: false,
		text: 'In the past month, I offered to take on part of a teammate’s work when they were busy.',
		raterText:
			'In the past month, they offered to take on part of a teammate’s work when that teammate was busy.'
	},
	{
		id: 'TEAM_MUT_6',
		reversed: true,
		text: 'In the past month, I stayed with my own tasks while a teammate was short of time.',
		raterText:
			'In the past month, they stayed with their own tasks while a teammate was short of time.'
	}
];
