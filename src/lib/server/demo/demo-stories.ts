import { report, type DemoClient, type DemoPerson } from './demo-story.ts';

/**
 * The people of the demo practice and what they wrote, in our own words. The seeding logic is in
 * seed-demo.ts; this file is only their stories. Texts avoid weekday names, months and seasons:
 * the dates move with the day the demo is made.
 *
 * The shape of the practice, for whoever changes it: most clients drift towards the midpoint
 * (Amara, Ben, Dana, Farid), Chen stays put, Elif moves a little further out and has gone quiet
 * (Rosa asked her for a retake). Ben and Dana owe a report-back today; Amara and Farid have
 * shared things Rosa has not opened yet.
 */

export const DEMO_PRACTICE_NAME = 'Harbour Coaching';

export const demoCoach = {
	name: 'Rosa Delgado',
	email: 'rosa@demo.midpoint.local',
	joinedDaysAgo: 290
};

const amara: DemoClient = {
	name: 'Amara Osei',
	email: 'amara@demo.midpoint.local',
	joinedDaysAgo: 266,
	coachSeenDaysAgo: 6,
	results: [
		{ daysAgo: 262, lean: { DEP: 2, IND: 4.4, MUT: 2.5 }, domains: { TEAM: { IND: 5 } } },
		{ daysAgo: 203, lean: { DEP: 2, IND: 4.1, MUT: 2.8 }, domains: { TEAM: { IND: 4.7 } } },
		{ daysAgo: 145, lean: { DEP: 2.2, IND: 3.8, MUT: 3.2 }, domains: { TEAM: { IND: 4.2 } } },
		{ daysAgo: 76, lean: { DEP: 2.4, IND: 3.4, MUT: 3.6 }, domains: { FAM: { IND: 3.9 } } },
		{ daysAgo: 9, lean: { DEP: 2.6, IND: 3.1, MUT: 4 }, domains: { FAM: { IND: 3.7 } } }
	],
	entries: [
		{
			daysAgo: 260,
			sharedDaysAgo: 259,
			step: 'locate',
			promptId: 'locate-first-look',
			domains: ['TEAM'],
			disciplines: ['self-awareness'],
			body: 'Left of centre, which I expected. How far left, I did not. My first reaction was to wonder whether I had answered the work questions in a bad week, and to go through them again on my own at eleven at night rather than ask anyone. Which is, I notice, the whole point.',
			replies: [
				{
					daysAgo: 258,
					from: 'coach',
					body: 'Thank you for sending this straight away. The eleven at night line made me smile, and it is a good place to start. Shall we look at the work questions together when we meet?'
				},
				{
					daysAgo: 257,
					from: 'client',
					body: 'Yes. I will bring a list of the things I "just handled" last month. It is a long list.'
				}
			]
		},
		{
			daysAgo: 251,
			step: 'examine',
			promptId: 'examine-independent-when',
			domains: ['FAM'],
			disciplines: ['self-awareness'],
			body: "The clinic moved Mum's appointment and I rearranged my whole day to drive her. Kofi lives ten minutes from the clinic. I did not even text him. By the time I thought of it I had already sorted it, and asking felt like more work than doing."
		},
		{
			daysAgo: 238,
			sharedDaysAgo: 238,
			step: 'examine',
			promptId: 'examine-independent-cost',
			domains: ['TEAM'],
			disciplines: ['perspective'],
			body: 'Priya heard about the delay on the Leeds shipment from the client, not from me. I had been fixing it for a week and meant to tell the team once it was solved. She was polite about it, but she was caught out on that call, and that is on me. The cost is not only my evenings. My team cannot back me up on things they do not know about.',
			replies: [
				{
					daysAgo: 236,
					from: 'coach',
					body: 'This is a generous thing to write down. What would telling them early have looked like in practice? One sentence at stand-up?'
				},
				{
					daysAgo: 235,
					from: 'client',
					body: '"There is a problem with the Leeds shipment, I am on it, here is where you might feel it." Twenty seconds.'
				}
			]
		},
		{
			daysAgo: 205,
			step: 'examine',
			promptId: 'examine-independent-pattern',
			domains: ['TEAM', 'FAM'],
			disciplines: ['self-awareness', 'discernment'],
			body: 'The sentence just before I go it alone: "It is quicker if I do it." Usually true for the first hour. Rarely true by the end of the week.'
		},
		{
			daysAgo: 178,
			sharedDaysAgo: 176,
			step: 'resonate',
			promptId: 'resonate-together',
			domains: ['TEAM'],
			disciplines: ['perspective'],
			body: 'The office move last year. I was off with flu for two days and came back expecting chaos. Jonas and Priya had split the floor plan between them and labelled every crate, and it went better than the move I ran alone three years ago. The difference: they knew the goal, and I was not there to hold the pen.'
		},
		{
			daysAgo: 118,
			sharedDaysAgo: 118,
			step: 'commit',
			promptId: 'commit-action',
			domains: ['TEAM'],
			disciplines: ['commitment'],
			body: "At stand-up I will put the week's plan on the board and ask who wants which part, instead of handing the parts out. The whole team, every week, starting with the next one."
		},
		{
			daysAgo: 34,
			step: 'locate',
			promptId: 'locate-three-places',
			domains: ['FAM', 'FRI', 'TEAM'],
			disciplines: ['self-awareness'],
			body: 'Work: better. I ask now, mostly before I have decided. Family: still the one who drives Mum, books everything and knows the passwords. Friends: Efua says I am easier to reach. I think I am easier to reach because I am less tired.'
		},
		{
			daysAgo: 2,
			sharedDaysAgo: 2,
			step: 'report',
			promptId: 'report-next',
			domains: ['FAM', 'TEAM'],
			disciplines: ['discernment', 'commitment'],
			body: 'Next time Mum needs something, I will ask Kofi first and wait a whole day before I step in. The waiting is the hard part, not the asking.'
		}
	],
	actions: [
		{
			what: 'Ask one person on the team for their view before I decide something that affects them',
			withName: 'Someone on my team',
			domain: 'TEAM',
			kind: 'ask-help',
			discipline: 'discernment',
			closedDaysAgo: 125,
			weekly: {
				lastDaysAgo: 128,
				weeks: [
					report(
						'partly',
						2,
						'same',
						'Asked Jonas about the rota, but I had half decided already. He noticed.'
					),
					report(
						'done',
						3,
						'better',
						'Asked Priya which carrier she would pick for the Bristol run. Hers was cheaper. Slightly annoying.'
					),
					report('done', 3, 'better'),
					'miss',
					report(
						'not-yet',
						undefined,
						undefined,
						'Busy week, decided everything myself. Noticed too late.'
					),
					report(
						'done',
						4,
						'better',
						'Tomasz had a better idea for the returns backlog than mine. We used his.',
						{
							replies: [
								{
									daysAgo: 189,
									from: 'coach',
									body: 'Did you tell him it was better than yours? That part counts too.'
								},
								{
									daysAgo: 188,
									from: 'client',
									body: 'I did. He looked surprised, which tells me something.'
								}
							]
						}
					),
					report('done', 3, 'better'),
					'skip',
					report('done', 4, 'better'),
					report('partly', 3, 'same', 'Asked, then overrode the answer. Back to this one.'),
					report(
						'done',
						4,
						'better',
						'Asked the team before agreeing the holiday cover. Nobody had to swap twice.'
					),
					report('done', 4, 'better'),
					report(
						'done',
						5,
						'better',
						'It has started to feel like how we work rather than an exercise.'
					),
					report('done', 4, 'better'),
					report('done', 4, 'better', undefined, {
						note: 'Closing this one: it is a habit now. On to stand-ups.'
					})
				]
			}
		},
		{
			what: 'Ask Kofi to take Mum to her eye appointment',
			withName: 'Kofi',
			domain: 'FAM',
			kind: 'ask-help',
			discipline: 'commitment',
			closedDaysAgo: 202,
			once: {
				createdDaysAgo: 214,
				dueDaysAgo: 203,
				report: report(
					'done',
					4,
					'better',
					'He said yes before I had finished the sentence. He also said I could have asked months ago, which stung, and is fair.',
					{
						replies: [
							{
								daysAgo: 201,
								from: 'coach',
								body: 'That "fair" is doing a lot of work. How was it to hear?'
							},
							{ daysAgo: 200, from: 'client', body: 'Like being caught out, and then lighter.' }
						]
					}
				)
			}
		},
		{
			what: "Put the week's plan on the board at stand-up and ask who wants which part",
			withName: 'The operations team',
			domain: 'TEAM',
			kind: 'together',
			discipline: 'discernment',
			weekly: {
				lastDaysAgo: 3,
				weeks: [
					report(
						'partly',
						3,
						'same',
						'Put the plan up, then assigned most of it anyway, out of habit.'
					),
					report('done', 3, 'better'),
					report(
						'done',
						4,
						'better',
						'Jonas took the supplier audit. I did not check his work until he asked me to.'
					),
					'skip',
					report('done', 4, 'better'),
					report(
						'partly',
						2,
						'worse',
						'Short-staffed and rushed. People just nodded. It felt like theatre.'
					),
					report('done', 4, 'better'),
					report(
						'done',
						4,
						'better',
						'Priya asked for the difficult client this week. I let her have it.',
						{
							replies: [
								{
									daysAgo: 63,
									from: 'coach',
									body: 'How did the week go for her, and for you, not holding it?'
								},
								{
									daysAgo: 62,
									from: 'client',
									body: 'She handled it well. I checked my phone a lot less than I feared.'
								}
							]
						}
					),
					'miss',
					report('done', 4, 'better'),
					report(
						'done',
						5,
						'better',
						'Someone else ran stand-up while I was at the depot. The board was full when I got back.'
					),
					report('done', 4, 'same'),
					report(
						'partly',
						3,
						'same',
						'Took two parts back when things slipped. Said so out loud this time.'
					),
					report('done', 4, 'better'),
					report('done', 4, 'better', undefined, {
						measure: { value: 6, label: 'tasks picked up by others' }
					}),
					report('done', 5, 'better', undefined, {
						measure: { value: 8, label: 'tasks picked up by others' }
					}),
					report(
						'done',
						4,
						'better',
						'A quiet week. The plan went up, the parts went out, and nobody needed me to referee.',
						{
							measure: { value: 7, label: 'tasks picked up by others' }
						}
					)
				]
			}
		},
		{
			what: 'Call Efua and tell her one true thing about my week, not just the news',
			withName: 'Efua',
			domain: 'FRI',
			kind: 'ask-help',
			discipline: 'self-awareness',
			weekly: {
				lastDaysAgo: 5,
				weeks: [
					report(
						'partly',
						2,
						'same',
						'Called and gave her the headlines. Ran out of nerve for the true thing.'
					),
					report(
						'done',
						4,
						'better',
						'Told her I am tired of being the reliable one. She said "then stop being it for a weekend". I laughed, then thought about it all evening.'
					),
					report('done', 4, 'better'),
					'skip',
					report(
						'done',
						5,
						'better',
						'She told me something hard about her own week. I think she had been waiting for me to go first.'
					),
					report(
						'not-yet',
						undefined,
						undefined,
						'Did not call. Sent a voice note instead, which is halfway.'
					),
					report('done', 4, 'better'),
					report('done', 4, 'better', 'Easier now. She asked about Mum before I brought it up.')
				]
			}
		},
		{
			what: 'Let Kofi choose where we take Mum for her birthday lunch, and go along with it',
			withName: 'Kofi',
			withEmail: 'kofi.osei@example.com',
			domain: 'FAM',
			kind: 'step-back',
			discipline: 'discernment',
			once: { createdDaysAgo: 8, dueDaysAgo: -12 }
		}
	],
	notes: [
		{
			daysAgo: 100,
			body: 'Asks well at work now. Family is the harder ground: looking after her mum is where "the capable one" lives. Go gently there, and let her bring it.'
		}
	]
};

const ben: DemoClient = {
	name: 'Ben Whitaker',
	email: 'ben@demo.midpoint.local',
	joinedDaysAgo: 204,
	coachSeenDaysAgo: 1,
	results: [
		{ daysAgo: 200, lean: { DEP: 4.6, IND: 2, MUT: 3 }, domains: { FAM: { DEP: 5 } } },
		{ daysAgo: 135, lean: { DEP: 4.3, IND: 2, MUT: 3.2 }, domains: { FAM: { DEP: 4.8 } } },
		{ daysAgo: 70, lean: { DEP: 4, IND: 2.2, MUT: 3.4 }, domains: { FAM: { DEP: 4.5 } } },
		{ daysAgo: 6, lean: { DEP: 3.7, IND: 2.3, MUT: 3.6 }, domains: { FAM: { DEP: 4.1 } } }
	],
	entries: [
		{
			daysAgo: 198,
			sharedDaysAgo: 197,
			step: 'locate',
			promptId: 'locate-first-look',
			domains: ['FAM'],
			disciplines: ['self-awareness'],
			body: 'Honestly, relieved it is not worse. Then a bit deflated. I think of myself as easy-going, and the result says the easy-going part might be me letting everyone else steer. Sam read it over my shoulder and said "that\'s fair", which I am choosing to find funny.',
			replies: [
				{
					daysAgo: 196,
					from: 'coach',
					body: 'It is funny, and it helps that Sam sees it too. Easy-going is a real strength. What we are looking for are the moments when it stops being a choice.'
				}
			]
		},
		{
			daysAgo: 190,
			step: 'examine',
			promptId: 'examine-dependent-when',
			domains: ['TEAM'],
			disciplines: ['self-awareness'],
			body: 'Helen asked me to redesign the fieldwork day for year 9. I have had the plan in my head for two weeks. I keep sending her quick questions instead of the plan. I think I want her to tell me it is right before I have told her what it is.'
		},
		{
			daysAgo: 182,
			sharedDaysAgo: 181,
			step: 'examine',
			promptId: 'examine-dependent-pattern',
			domains: ['TEAM', 'FAM'],
			disciplines: ['discernment'],
			body: 'What I am hoping for when I hand the choice over: that if it goes wrong, it was not really mine. Writing that down is uncomfortable.',
			replies: [
				{
					daysAgo: 180,
					from: 'coach',
					body: 'That is a brave sentence. Notice it also means that when it goes right, it is not really yours either.'
				},
				{ daysAgo: 179, from: 'client', body: 'Oof. Yes.' }
			]
		},
		{
			daysAgo: 160,
			step: 'examine',
			promptId: 'examine-dependent-cost',
			domains: ['FAM'],
			disciplines: ['perspective'],
			body: 'Sam plans every holiday, every weekend and most dinners. I thought I was being agreeable. Last night Sam said "I would love to be surprised once". That is the cost: Sam does the thinking for two.'
		},
		{
			daysAgo: 120,
			sharedDaysAgo: 118,
			step: 'resonate',
			promptId: 'resonate-draw',
			domains: ['FAM', 'FRI'],
			disciplines: ['perspective'],
			body: 'Being someone people can lean on, not only someone who leans. Marcus rang me when his dad was ill and I realised I had no idea what to offer, because I am so used to being the one who is offered to.'
		},
		{
			daysAgo: 64,
			step: 'commit',
			promptId: 'commit-obstacle',
			domains: ['TEAM'],
			disciplines: ['commitment'],
			body: 'What might stop me: the draft looks unfinished, so I wait. What I will do then: send it anyway, with one line saying what I am unsure about. Being unsure is allowed. Waiting is not the plan.'
		},
		{
			daysAgo: 12,
			sharedDaysAgo: 12,
			step: 'report',
			promptId: 'report-what-happened',
			domains: ['FAM'],
			disciplines: ['commitment'],
			body: 'I booked the weekend away myself, the place, the train, all of it, and told Sam once it was paid for. Sam cried a little, in a good way. I was sure I had picked wrong right up until we arrived.',
			replies: [
				{
					daysAgo: 10,
					from: 'coach',
					body: 'What a lovely thing to read. What did you notice about the voice that was sure you had picked wrong? Did it get quieter once you had committed?'
				},
				{
					daysAgo: 9,
					from: 'client',
					body: 'It went quiet the moment it was paid for. Maybe deciding is the cure, not the problem.'
				}
			]
		}
	],
	actions: [
		{
			what: 'Send Helen my plan before asking her any questions about it',
			withName: 'Helen',
			domain: 'TEAM',
			kind: 'decide-share',
			discipline: 'commitment',
			closedDaysAgo: 110,
			weekly: {
				lastDaysAgo: 112,
				weeks: [
					report('partly', 2, 'same', 'Sent the plan, with four questions stapled to it.'),
					report(
						'not-yet',
						undefined,
						undefined,
						'Waited for the staff meeting to check the mood. There was no mood.'
					),
					report(
						'done',
						3,
						'better',
						'Sent the fieldwork plan. Helen replied "great, go". I had spent a fortnight dreading a three-word email.',
						{
							replies: [
								{
									daysAgo: 166,
									from: 'coach',
									body: 'A fortnight of dread against three words. Worth keeping that ratio in mind next time.'
								}
							]
						}
					),
					report('done', 3, 'better'),
					'skip',
					report('done', 4, 'better'),
					report('partly', 3, 'same'),
					report(
						'done',
						4,
						'better',
						'She asked for my opinion on the new scheme of work. I had one.'
					),
					'miss',
					report('done', 4, 'better'),
					report('done', 4, 'better', undefined, {
						note: 'This one feels done. Helen says my plans arrive finished now.'
					})
				]
			}
		},
		{
			what: "Book the weekend away myself and tell Sam once it's booked",
			withName: 'Sam',
			domain: 'FAM',
			kind: 'decide-share',
			discipline: 'commitment',
			closedDaysAgo: 12,
			once: {
				createdDaysAgo: 40,
				dueDaysAgo: 14,
				report: report('done', 4, 'better', 'Booked it. Told Sam. Survived.')
			}
		},
		{
			what: 'Choose our weekend plan myself and tell Sam what it is',
			withName: 'Sam',
			withEmail: 'sam.whitaker@example.com',
			domain: 'FAM',
			kind: 'decide-share',
			discipline: 'discernment',
			weekly: {
				lastDaysAgo: 2,
				weeks: [
					report(
						'partly',
						3,
						'same',
						'Chose, then asked "is that alright?" three times. Sam said "you chose, I\'m in".'
					),
					report('done', 3, 'better'),
					report(
						'done',
						4,
						'better',
						'Picked the coast walk. It rained. We laughed about it, and nobody blamed anybody.',
						{
							replies: [
								{
									daysAgo: 49,
									from: 'coach',
									body: 'It rained and it was still fine. Nobody needed it to be perfect.'
								},
								{ daysAgo: 48, from: 'client', body: 'I am writing that on a sticky note.' }
							]
						}
					),
					report('done', 4, 'better'),
					'skip',
					report(
						'not-yet',
						undefined,
						undefined,
						'Let Sam choose again. Too tired to think. Fine once, I reckon.'
					),
					report('done', 4, 'better'),
					report(
						'done',
						5,
						'better',
						'Sam said they had forgotten how nice it is to just turn up.'
					),
					report('done', 4, 'better'),
					'miss'
				]
			}
		},
		{
			what: 'Pick the place for drinks after five-a-side instead of waiting for the group chat',
			withName: 'Marcus',
			domain: 'FRI',
			kind: 'decide-share',
			discipline: 'commitment',
			weekly: {
				lastDaysAgo: 5,
				weeks: [
					report(
						'done',
						3,
						'same',
						'Picked the place. Two people grumbled. We went anyway, and they stayed longest.'
					),
					report('done', 4, 'better'),
					report('partly', 3, 'same', 'Suggested two places and let them vote. Halfway there.'),
					report('done', 4, 'better', undefined, {
						lateBy: 1,
						replies: [
							{
								daysAgo: 1,
								from: 'coach',
								body: 'Four weeks of choosing, and the group keeps turning up. What would you like to try next with them?'
							}
						]
					})
				]
			}
		}
	]
};

const chen: DemoClient = {
	name: 'Chen Li',
	email: 'chen@demo.midpoint.local',
	joinedDaysAgo: 203,
	coachSeenDaysAgo: 2,
	results: [
		{ daysAgo: 200, lean: { DEP: 2.8, IND: 2.6, MUT: 4.2 }, domains: { TEAM: { IND: 2.9 } } },
		{ daysAgo: 140, lean: { DEP: 2.7, IND: 2.8, MUT: 4.3 } },
		{ daysAgo: 75, lean: { DEP: 2.9, IND: 2.6, MUT: 4.1 }, domains: { FAM: { DEP: 3.2 } } },
		{ daysAgo: 12, lean: { DEP: 2.8, IND: 2.7, MUT: 4.3 }, domains: { TEAM: { IND: 3 } } }
	],
	entries: [
		{
			daysAgo: 199,
			step: 'locate',
			promptId: 'locate-first-look',
			domains: ['FAM', 'FRI', 'TEAM'],
			disciplines: ['self-awareness'],
			body: 'Near the middle. Not a surprise: the ward does not let anyone go it alone for long. What I want to know is whether it holds when I am tired.'
		},
		{
			daysAgo: 185,
			sharedDaysAgo: 185,
			step: 'locate',
			promptId: 'locate-three-places',
			domains: ['FAM', 'FRI', 'TEAM'],
			disciplines: ['perspective'],
			body: 'Work: we hand everything over, it is built into the shift. Home: Ana and I split things well, but we talk about it less than we used to. Friends: I organise the climbing, and I am not sure anyone else would if I stopped.',
			replies: [
				{
					daysAgo: 184,
					from: 'coach',
					body: 'That last line is worth following. What would you like to find out by stepping back from the climbing for a month?'
				},
				{
					daysAgo: 183,
					from: 'client',
					body: 'Whether it is a group or just my habit. I will try it.'
				}
			]
		},
		{
			daysAgo: 130,
			step: 'resonate',
			promptId: 'resonate-together',
			domains: ['FAM'],
			disciplines: ['perspective'],
			body: "The first week with the baby. Ana's mum stayed, my brother cooked, and for once I did not keep score of who owed whom. It worked because nobody was pretending to be fine."
		},
		{
			daysAgo: 90,
			step: 'examine',
			promptId: 'examine-independent-when',
			domains: ['FAM', 'TEAM'],
			disciplines: ['self-awareness'],
			body: 'After a run of night shifts I go quiet. I tell myself it is rest. Ana says it is disappearing.'
		},
		{
			daysAgo: 20,
			sharedDaysAgo: 19,
			step: 'commit',
			promptId: 'commit-obstacle',
			domains: ['FAM'],
			disciplines: ['commitment'],
			body: 'What might stop me: being too tired to ask. So I will ask before I am that tired, on the drive home, not at the door.'
		}
	],
	actions: [
		{
			what: 'Let someone else organise the climbing night this week',
			withName: 'The climbing group',
			domain: 'FRI',
			kind: 'step-back',
			discipline: 'discernment',
			closedDaysAgo: 93,
			weekly: {
				lastDaysAgo: 95,
				weeks: [
					report(
						'done',
						3,
						'same',
						'Asked Rui to book the wall. He did. I checked twice that he had.'
					),
					report('done', 4, 'better'),
					'skip',
					report('partly', 3, 'same'),
					report(
						'done',
						4,
						'better',
						'Nobody organised anything and we did not climb. That is information too.'
					),
					report('done', 4, 'better'),
					report(
						'done',
						5,
						'better',
						'Rui has made a rota. I am on it once a month, like everyone else.'
					),
					report('done', 4, 'better')
				]
			}
		},
		{
			what: 'Tell Ana how my week was on the drive home, before I am too tired',
			withName: 'Ana',
			domain: 'FAM',
			kind: 'together',
			discipline: 'self-awareness',
			weekly: {
				lastDaysAgo: 4,
				weeks: [
					report('done', 4, 'same'),
					report('done', 4, 'better', 'Talked for the whole drive. Slept better.'),
					'miss',
					report('partly', 3, 'same'),
					report('done', 4, 'better'),
					'skip',
					report(
						'done',
						5,
						'better',
						'Ana said it is the first time in months she has known what my week was like.'
					),
					report('done', 4, 'same'),
					report('done', 4, 'better'),
					report('not-yet', undefined, undefined, 'Fell asleep before we got home. Literally.'),
					report('done', 4, 'better'),
					report('done', 4, 'better', undefined, {
						measure: { value: 25, label: 'minutes talking' }
					})
				]
			}
		},
		{
			what: 'Take the baby for a morning so Ana can see her friends',
			withName: 'Ana',
			domain: 'FAM',
			kind: 'offer-help',
			discipline: 'perspective',
			weekly: {
				lastDaysAgo: 6,
				weeks: [
					report(
						'done',
						4,
						'better',
						'Three hours, one nappy disaster, no calls to Ana. I will take that.'
					),
					report('done', 5, 'better'),
					report('done', 4, 'better'),
					'skip',
					report(
						'partly',
						3,
						'same',
						'Ana stayed home in the end. I think she needed the offer more than the morning.'
					),
					report('done', 4, 'better')
				]
			}
		}
	]
};

const dana: DemoClient = {
	name: 'Dana Kowalski',
	email: 'dana@demo.midpoint.local',
	joinedDaysAgo: 193,
	coachSeenDaysAgo: 3,
	results: [
		{
			daysAgo: 190,
			lean: { DEP: 3.4, IND: 3.6, MUT: 2.4 },
			domains: { FAM: { DEP: 4.5, IND: 4.5 }, TEAM: { DEP: 2.2, IND: 4.2 } }
		},
		{
			daysAgo: 130,
			lean: { DEP: 3.3, IND: 3.5, MUT: 2.8 },
			domains: { FAM: { DEP: 4.2, IND: 4.1 }, TEAM: { DEP: 2.4, IND: 3.9 } }
		},
		{
			daysAgo: 70,
			lean: { DEP: 3.1, IND: 3.2, MUT: 3.3 },
			domains: { FAM: { DEP: 3.6, IND: 3.6 }, TEAM: { DEP: 2.6, IND: 3.5 } }
		},
		{
			daysAgo: 4,
			lean: { DEP: 2.9, IND: 3, MUT: 3.8 },
			domains: { FAM: { DEP: 3.2, IND: 3.2 }, TEAM: { DEP: 2.8, IND: 3.1 } }
		}
	],
	entries: [
		{
			daysAgo: 188,
			sharedDaysAgo: 188,
			step: 'locate',
			promptId: 'locate-first-look',
			domains: ['FAM'],
			disciplines: ['self-awareness'],
			body: '"Pulled both ways" in family. I laughed out loud, because that is exactly it. One week I do everything for everyone and refuse help; the next I ring Marta in tears and ask her to sort it all. No middle gear.',
			replies: [
				{
					daysAgo: 187,
					from: 'coach',
					body: '"No middle gear" puts it perfectly. Shall we look for the first signs that you are about to switch? There usually are some.'
				},
				{
					daysAgo: 186,
					from: 'client',
					body: 'The sign is when I start saying "it\'s fine" a lot.'
				}
			]
		},
		{
			daysAgo: 176,
			step: 'examine',
			promptId: 'examine-independent-when',
			domains: ['TEAM'],
			disciplines: ['self-awareness'],
			body: "I still do the four o'clock bake alone, every day, though Ola has asked twice to learn it. If I am honest, the bakery is the one place where nobody can tell me I am doing it wrong."
		},
		{
			daysAgo: 168,
			sharedDaysAgo: 167,
			step: 'examine',
			promptId: 'examine-dependent-when',
			domains: ['FAM'],
			disciplines: ['discernment'],
			body: 'Kuba\'s school trip form. I waited for Marta to tell me whether to let him go, because I did not want to be the one who said no. She said "he\'s your son, Dana". She is right, and I was furious for an hour.',
			replies: [
				{ daysAgo: 166, from: 'coach', body: 'Furious for an hour, and then?' },
				{
					daysAgo: 165,
					from: 'client',
					body: 'Then I signed it. He went. He had a great time.'
				}
			]
		},
		{
			daysAgo: 150,
			step: 'examine',
			promptId: 'examine-dependent-cost',
			domains: ['FAM'],
			disciplines: ['perspective'],
			body: 'Marta carries my decisions as well as her own. She has two children and a job. I do not think she minds, and I do not think that is the point.'
		},
		{
			daysAgo: 120,
			sharedDaysAgo: 119,
			step: 'resonate',
			promptId: 'resonate-draw',
			domains: ['TEAM', 'FAM'],
			disciplines: ['perspective'],
			body: 'Being able to lean a little, all the time, instead of a lot, all at once.'
		},
		{
			daysAgo: 100,
			step: 'resonate',
			promptId: 'resonate-together',
			domains: ['TEAM'],
			disciplines: ['perspective'],
			body: 'The day the oven broke. Jamie rang his uncle, Ola ran the counter, and I called the suppliers. We sold out by eleven. I did not carry it, and it did not fall apart.'
		},
		{
			daysAgo: 60,
			sharedDaysAgo: 59,
			step: 'commit',
			promptId: 'commit-action',
			domains: ['TEAM'],
			disciplines: ['commitment'],
			body: 'Teach Ola the early bake, one part at a time, one morning a week. Starting this week, whatever state the kitchen is in.'
		},
		{
			daysAgo: 22,
			step: 'report',
			promptId: 'report-what-happened',
			domains: ['TEAM'],
			disciplines: ['commitment'],
			body: "Ola's loaves are better than mine. I told her so. She went pink. I went home at nine for the first time in years and did not know what to do with myself."
		},
		{
			daysAgo: 5,
			sharedDaysAgo: 5,
			step: 'locate',
			promptId: 'locate-three-places',
			domains: ['FAM', 'FRI', 'TEAM'],
			disciplines: ['self-awareness'],
			body: 'Work: I am finally sharing the load, and it is working. Family: steadier, with smaller asks, more often. Friends: I do not see many, and that is the next thing.'
		}
	],
	actions: [
		{
			what: "Tell Marta what I've decided about Kuba's trip before asking what she thinks",
			withName: 'Marta',
			domain: 'FAM',
			kind: 'decide-share',
			discipline: 'discernment',
			closedDaysAgo: 164,
			once: {
				createdDaysAgo: 172,
				dueDaysAgo: 166,
				report: report(
					'done',
					3,
					'better',
					'Told her first. She just said "good". That was all it needed.',
					{
						lateBy: 1
					}
				)
			}
		},
		{
			what: 'Ask Marta for one small thing each week, before it becomes a big thing',
			withName: 'Marta',
			domain: 'FAM',
			kind: 'ask-help',
			discipline: 'discernment',
			closedDaysAgo: 73,
			weekly: {
				lastDaysAgo: 75,
				weeks: [
					report(
						'done',
						3,
						'better',
						'Asked her to pick Kuba up on my late day. Tiny. Felt enormous.'
					),
					report('done', 3, 'better'),
					'miss',
					report(
						'partly',
						2,
						'same',
						'Left it too long, then asked for everything at once. The old pattern.'
					),
					report('done', 4, 'better'),
					report(
						'done',
						4,
						'better',
						'She asked me for something back. I said yes straight away, and I liked being asked.',
						{
							replies: [
								{
									daysAgo: 101,
									from: 'coach',
									body: 'Both directions in one week. That is what the middle gear looks like.'
								}
							]
						}
					),
					'skip',
					report('done', 4, 'better'),
					report('done', 5, 'better'),
					report('done', 4, 'better', undefined, {
						note: 'I do not need the reminder for this one any more.'
					})
				]
			}
		},
		{
			what: 'Teach Ola one part of the early bake',
			withName: 'Ola',
			domain: 'TEAM',
			kind: 'step-back',
			discipline: 'commitment',
			weekly: {
				lastDaysAgo: 6,
				weeks: [
					report('partly', 3, 'same', 'Showed her the starter. Stood over her the whole time.'),
					report('done', 3, 'better'),
					report(
						'done',
						4,
						'better',
						'Let her shape the rye on her own and went to do the accounts in the back. Came out twice.',
						{
							replies: [
								{
									daysAgo: 39,
									from: 'coach',
									body: 'Twice is a lot less than the whole time. What brought you out?'
								},
								{
									daysAgo: 38,
									from: 'client',
									body: 'The smell. I thought it was burning. It was not.'
								}
							]
						}
					),
					report('done', 4, 'better'),
					'skip',
					report('done', 5, 'better', 'She did the whole bake. I came in at seven.', {
						measure: { value: 3, label: 'hours more sleep' }
					}),
					report('done', 4, 'better'),
					report('done', 4, 'better')
				]
			}
		},
		{
			what: "Tell Marta I can't host the family lunch this time, and suggest we cook it together at hers",
			withName: 'Marta',
			domain: 'FAM',
			kind: 'decide-share',
			discipline: 'commitment',
			once: { createdDaysAgo: 16, dueDaysAgo: 3 }
		}
	],
	notes: [
		{
			daysAgo: 58,
			body: 'Her switch from "all on me" to "rescue me" seems to come when she is sleeping badly. Keep an eye on the bake hours: it is not only a work question.'
		}
	]
};

const elif: DemoClient = {
	name: 'Elif Yilmaz',
	email: 'elif@demo.midpoint.local',
	joinedDaysAgo: 233,
	coachSeenDaysAgo: 18,
	results: [
		{ daysAgo: 230, lean: { DEP: 2.3, IND: 3.7, MUT: 3.2 } },
		{ daysAgo: 170, lean: { DEP: 2.3, IND: 3.8, MUT: 3.1 }, domains: { TEAM: { IND: 4 } } },
		{ daysAgo: 105, lean: { DEP: 2.2, IND: 3.9, MUT: 3 }, domains: { TEAM: { IND: 4.3 } } },
		{ daysAgo: 40, lean: { DEP: 2, IND: 4.1, MUT: 2.8 }, domains: { TEAM: { IND: 4.6 } } }
	],
	entries: [
		{
			daysAgo: 228,
			sharedDaysAgo: 227,
			step: 'locate',
			promptId: 'locate-first-look',
			domains: ['TEAM', 'FRI'],
			disciplines: ['self-awareness'],
			body: 'Independent, which I would have taken as a compliment a year ago. I moved cities for this job and I have been proud of not needing anyone. The result makes "not needing anyone" sound less like a skill and more like a habit.',
			replies: [
				{
					daysAgo: 226,
					from: 'coach',
					body: 'It can be both: a skill you built for good reasons, and a habit that now runs on its own. Which parts would you like to keep?'
				}
			]
		},
		{
			daysAgo: 215,
			step: 'examine',
			promptId: 'examine-independent-when',
			domains: ['TEAM'],
			disciplines: ['self-awareness'],
			body: 'Spent two days stuck on the payments bug rather than asking Tariq, who wrote that module. When I finally asked, it took him ten minutes. I told myself I did not want to look slow in my first month.'
		},
		{
			daysAgo: 200,
			sharedDaysAgo: 199,
			step: 'examine',
			promptId: 'examine-independent-cost',
			domains: ['FAM', 'FRI'],
			disciplines: ['perspective'],
			body: 'Mum finds out about my life from my photos online. Deniz has stopped asking how work is, because I always say "fine". Nobody is left guessing, exactly. They have stopped guessing.'
		},
		{
			daysAgo: 160,
			step: 'resonate',
			promptId: 'resonate-together',
			domains: ['FRI'],
			disciplines: ['perspective'],
			body: 'Building the bookshelf with Jo. It took twice as long as doing it alone and it was the best evening in weeks.'
		},
		{
			daysAgo: 120,
			sharedDaysAgo: 120,
			step: 'commit',
			promptId: 'commit-action',
			domains: ['TEAM'],
			disciplines: ['commitment'],
			body: 'Ask one question a week in the team channel, in public, instead of searching on my own for an hour first.'
		},
		{
			daysAgo: 45,
			step: 'report',
			promptId: 'report-what-happened',
			domains: ['TEAM'],
			disciplines: ['self-awareness'],
			body: 'The release went badly and I went back to fixing things at midnight on my own. I know what I am doing. I am doing it anyway. Not ready to write more than that.'
		}
	],
	actions: [
		{
			what: 'Ask Tariq when I have been stuck for more than an hour',
			withName: 'Tariq',
			domain: 'TEAM',
			kind: 'ask-help',
			discipline: 'commitment',
			closedDaysAgo: 126,
			weekly: {
				lastDaysAgo: 130,
				weeks: [
					report(
						'not-yet',
						undefined,
						undefined,
						'Got unstuck on my own after three hours. It does not count.'
					),
					report('done', 3, 'better', 'Asked. Ten minutes. I keep relearning this.'),
					report('done', 3, 'better'),
					report('partly', 2, 'same'),
					report('done', 4, 'better'),
					'skip',
					report('done', 4, 'better', 'Tariq asked me to review his code afterwards. A first.'),
					report('done', 3, 'same'),
					report('partly', 3, 'same'),
					report('done', 4, 'better')
				]
			}
		},
		{
			what: 'Ask one question in the team channel, in public',
			withName: 'My team',
			domain: 'TEAM',
			kind: 'ask-help',
			discipline: 'self-awareness',
			weekly: {
				lastDaysAgo: 36,
				pause: { daysAgo: 33, untilDaysAhead: 9 },
				weeks: [
					report(
						'done',
						3,
						'better',
						'Asked about the deploy script. Three people answered, and one said they had wondered the same.'
					),
					report('done', 4, 'better'),
					report('partly', 3, 'same'),
					report('done', 4, 'better'),
					'skip',
					report('done', 3, 'same'),
					report('partly', 2, 'worse', 'Asked, got a curt answer, felt stupid for a day.', {
						replies: [
							{
								daysAgo: 69,
								from: 'coach',
								body: 'One curt answer against all the helpful ones before it. Which will you remember?'
							},
							{
								daysAgo: 68,
								from: 'client',
								body: 'The curt one, obviously. But I am counting the others now.'
							}
						]
					}),
					'miss',
					report('not-yet'),
					report('partly', 2, 'same'),
					'miss',
					report('not-yet', undefined, undefined, 'Release week. Did not ask anyone anything.', {
						lateBy: 1
					})
				]
			}
		}
	],
	notes: [
		{
			daysAgo: 18,
			body: 'Quiet since the release: her last result moved further towards going it alone, and she paused her rhythm. Do not chase with new actions. Ask how she is, and suggest a retake once things settle.'
		}
	],
	reassessment: { daysAgo: 18, dueInDays: 5 }
};

const farid: DemoClient = {
	name: 'Farid Haddad',
	email: 'farid@demo.midpoint.local',
	joinedDaysAgo: 248,
	coachSeenDaysAgo: 8,
	results: [
		{
			daysAgo: 245,
			lean: { DEP: 4.2, IND: 1.6, MUT: 3 },
			domains: { FRI: { DEP: 3.4, IND: 2.2 } }
		},
		{
			daysAgo: 185,
			lean: { DEP: 4, IND: 1.8, MUT: 3.2 },
			domains: { FRI: { DEP: 3.3, IND: 2.3 } }
		},
		{ daysAgo: 125, lean: { DEP: 3.7, IND: 2, MUT: 3.5 }, domains: { TEAM: { DEP: 3.4 } } },
		{ daysAgo: 60, lean: { DEP: 3.4, IND: 2.2, MUT: 3.8 }, domains: { TEAM: { DEP: 3 } } },
		{ daysAgo: 11, lean: { DEP: 3.2, IND: 2.4, MUT: 4 }, domains: { TEAM: { DEP: 2.8 } } }
	],
	entries: [
		{
			daysAgo: 244,
			sharedDaysAgo: 243,
			step: 'locate',
			promptId: 'locate-first-look',
			domains: ['TEAM', 'FAM'],
			disciplines: ['self-awareness'],
			body: 'I had expected to be described as a team player. The result is kinder than I feared and less flattering than I hoped. It seems I have mistaken agreeing with everyone for working with them.',
			replies: [
				{
					daysAgo: 242,
					from: 'coach',
					body: 'That is a sharp distinction, and you found it yourself. Working with people includes bringing your own view to the table.'
				}
			]
		},
		{
			daysAgo: 236,
			step: 'examine',
			promptId: 'examine-dependent-when',
			domains: ['TEAM'],
			disciplines: ['self-awareness'],
			body: 'The quarterly variance report. It is my report; I have written it for eleven years. I still send it to Claire "for a quick look" before it goes out, and then wait two days for her to look.'
		},
		{
			daysAgo: 222,
			sharedDaysAgo: 221,
			step: 'examine',
			promptId: 'examine-dependent-pattern',
			domains: ['TEAM'],
			disciplines: ['discernment'],
			body: 'What I hope for, when I pass a decision upwards, is cover. If Claire has seen it, it is ours, not mine. I had not noticed how much of my working week is arranged around that.'
		},
		{
			daysAgo: 190,
			step: 'examine',
			promptId: 'examine-dependent-cost',
			domains: ['FAM'],
			disciplines: ['perspective'],
			body: 'Leila decides where we go, what we eat, and when we see her family and mine. I called it keeping the peace. On her last visit Nour said she has never once heard me say what I want for dinner. She was joking. Mostly.'
		},
		{
			daysAgo: 140,
			sharedDaysAgo: 140,
			step: 'resonate',
			promptId: 'resonate-draw',
			domains: ['FAM'],
			disciplines: ['perspective'],
			body: 'That Leila could rest on me sometimes. Twenty-six years married, and I am not sure she ever has.'
		},
		{
			daysAgo: 95,
			step: 'resonate',
			promptId: 'resonate-together',
			domains: ['FRI'],
			disciplines: ['perspective'],
			body: "Sami and I rebuilt his father's garden wall over two weekends. Neither of us was in charge. I remember it as the easiest thing I have ever done with another person."
		},
		{
			daysAgo: 50,
			sharedDaysAgo: 49,
			step: 'commit',
			promptId: 'commit-obstacle',
			domains: ['TEAM'],
			disciplines: ['commitment'],
			body: 'The obstacle is the old voice that says "just check with Claire". When it comes, I will send the thing first and tell her afterwards, in one line.'
		},
		{
			daysAgo: 3,
			sharedDaysAgo: 3,
			step: 'report',
			promptId: 'report-next',
			domains: ['FAM'],
			disciplines: ['discernment', 'commitment'],
			body: "Next: choose the restaurant for Leila's birthday, book it, and not ask her to approve it. Perhaps even keep it a surprise. Small steps."
		}
	],
	actions: [
		{
			what: 'Send my own reports out without asking Claire to look first',
			withName: 'Claire',
			domain: 'TEAM',
			kind: 'decide-share',
			discipline: 'commitment',
			closedDaysAgo: 148,
			weekly: {
				lastDaysAgo: 150,
				weeks: [
					report(
						'not-yet',
						undefined,
						undefined,
						'Sent it to Claire. Old habit. She approved it in a minute, which rather proves the point.'
					),
					report(
						'partly',
						2,
						'same',
						'Sent the variance report out myself, then forwarded it to Claire with "hope that is alright".'
					),
					report('done', 3, 'better'),
					report('done', 3, 'better', 'Nobody noticed. That is the best possible outcome.'),
					'skip',
					report('done', 4, 'better'),
					report('done', 3, 'same'),
					'miss',
					report(
						'done',
						4,
						'better',
						'Claire said at the team meeting that she trusts my numbers. I had not realised she was waiting for me to trust them too.',
						{
							replies: [
								{
									daysAgo: 169,
									from: 'coach',
									body: 'That is worth sitting with. What changes when you trust your own numbers?'
								},
								{
									daysAgo: 168,
									from: 'client',
									body: 'I get two days back every quarter, for a start.'
								}
							]
						}
					),
					report('done', 4, 'better'),
					report('done', 4, 'better'),
					report('done', 4, 'better', undefined, {
						note: 'Closing this one: it has become ordinary.'
					})
				]
			}
		},
		{
			what: 'Tell Leila which week I would like for our holiday, before she asks',
			withName: 'Leila',
			domain: 'FAM',
			kind: 'decide-share',
			discipline: 'discernment',
			closedDaysAgo: 99,
			once: {
				createdDaysAgo: 110,
				dueDaysAgo: 100,
				report: report(
					'done',
					4,
					'better',
					'She said "oh, yes, that works", and that was the whole conversation. I had prepared for a negotiation.',
					{
						replies: [
							{
								daysAgo: 97,
								from: 'coach',
								body: 'You prepared for a negotiation and got a yes. What does that say about the peace you have been keeping?'
							},
							{
								daysAgo: 96,
								from: 'client',
								body: 'That some of it may have been a peace only I was keeping.'
							}
						]
					}
				)
			}
		},
		{
			what: 'Choose what we do one evening a week, and tell Leila my idea first',
			withName: 'Leila',
			domain: 'FAM',
			kind: 'decide-share',
			discipline: 'discernment',
			weekly: {
				lastDaysAgo: 1,
				weeks: [
					report('partly', 2, 'same', 'Suggested a film. Then asked which film she would like.'),
					report('done', 3, 'better'),
					report('done', 3, 'same'),
					'skip',
					report(
						'done',
						4,
						'better',
						"Cooked my mother's maqluba without asking first. Leila had seconds.",
						{
							replies: [
								{
									daysAgo: 55,
									from: 'coach',
									body: 'Deciding and cooking in one go. How did it feel not to ask first?'
								},
								{
									daysAgo: 54,
									from: 'client',
									body: 'Nerve-racking until the first spoonful. Then rather proud.'
								}
							]
						}
					),
					report('done', 4, 'better'),
					'miss',
					report('done', 4, 'better'),
					report('partly', 3, 'same'),
					report('done', 4, 'better'),
					report(
						'done',
						5,
						'better',
						'Leila said it is nice not to have to think of everything. I did not know she felt she had to.'
					),
					report('done', 4, 'better'),
					report(
						'done',
						4,
						'better',
						'Chose the walk by the reservoir. She chose the café afterwards. A fair division.'
					)
				]
			}
		},
		{
			what: 'Offer Sami a hand with something, rather than waiting to be asked',
			withName: 'Sami',
			domain: 'FRI',
			kind: 'offer-help',
			discipline: 'perspective',
			weekly: {
				lastDaysAgo: 4,
				weeks: [
					report(
						'done',
						4,
						'better',
						'Offered to drive him to the airport. He accepted, and we talked the whole way.'
					),
					report('done', 3, 'same'),
					'skip',
					report('done', 4, 'better'),
					report('done', 4, 'better')
				]
			}
		}
	]
};

/** Rosa's six clients, in the order the demo lists them. */
export const demoClients: readonly DemoClient[] = [amara, ben, chen, dana, elif, farid];

/** Working through the program on her own, without a coach. Everything she wrote is private. */
export const demoSelfGuided: DemoPerson = {
	name: 'Grace Mbeki',
	email: 'grace@demo.midpoint.local',
	joinedDaysAgo: 52,
	results: [
		{ daysAgo: 48, lean: { DEP: 2.5, IND: 3.4, MUT: 3.6 }, domains: { FRI: { IND: 3.9 } } }
	],
	entries: [
		{
			daysAgo: 47,
			step: 'locate',
			promptId: 'locate-first-look',
			domains: ['FAM', 'FRI'],
			disciplines: ['self-awareness'],
			body: 'A little to the independent side. I have lived alone for twelve years and I am good at it. I wonder whether being good at it has made me forget how to ask.'
		},
		{
			daysAgo: 44,
			step: 'examine',
			promptId: 'examine-independent-when',
			domains: ['FRI'],
			disciplines: ['self-awareness'],
			body: 'The new compost bins. Winston offered to help me carry them, I said no, I am fine, and then I hurt my back. Pride, mostly.'
		},
		{
			daysAgo: 30,
			step: 'resonate',
			promptId: 'resonate-together',
			domains: ['FRI'],
			disciplines: ['perspective'],
			body: 'Planting the long bed with the volunteers from the school. Slower and muddier, and the first time in ages I laughed out loud on the plot.'
		}
	],
	actions: [
		{
			what: 'Accept one offer of help at the allotment, or ask for one',
			withName: 'Winston',
			domain: 'FRI',
			kind: 'ask-help',
			discipline: 'commitment',
			weekly: {
				lastDaysAgo: 3,
				weeks: [
					report(
						'done',
						3,
						'better',
						'Let Winston carry the manure. I made the tea. A fair trade.'
					),
					report('partly', 2, 'same'),
					report('done', 4, 'better'),
					'skip',
					report(
						'done',
						4,
						'better',
						'Asked Winston to show me how he prunes. He talked for an hour and I learned a lot.'
					)
				]
			}
		}
	]
};
