import type { Zone } from '../../domain/scoring/zones.ts';
import type { DomainCode } from './codes.ts';
import type { Explanation } from './explanations.ts';

/** One explanation per domain and zone, each naming where it happens and what to try next. */
export const domainExplanations: Record<DomainCode, Record<Zone, Explanation>> = {
	FAM: {
		'strong-independent': {
			title: 'With your family, you lean strongly towards doing it alone.',
			body: 'At home you carry most things yourself. Your family may rarely see what you are dealing with.',
			next: 'Try next: share one worry or one job with someone at home this week.'
		},
		independent: {
			title: 'With your family, you lean independent.',
			body: 'You often handle family matters on your own. People can rely on you. It can also leave them out.',
			next: 'Try next: ask a family member to help with one task you usually do alone.'
		},
		midpoint: {
			title: 'With your family, you sit near the midpoint.',
			body: 'You give help at home and you take it. That give and take is worth keeping.',
			next: 'Try next: name one family moment this month when doing it together worked, and do it again.'
		},
		dependent: {
			title: 'With your family, you lean towards relying on others.',
			body: 'You often look to your family before you act. Their support matters to you.',
			next: 'Try next: make one small choice on your own, then tell your family about it.'
		},
		'strong-dependent': {
			title: 'With your family, you lean strongly towards relying on others.',
			body: 'At home, others often decide or sort things out for you. It can feel safe. It can also hold you back.',
			next: 'Try next: take back one task at home that someone else has been doing for you.'
		},
		'pulled-both-ways': {
			title: 'With your family, you are pulled both ways.',
			body: 'At home you sometimes do everything alone and sometimes lean hard on others. Both are real.',
			next: 'Try next: notice which family moments pull you each way, and write one down.'
		}
	},
	FRI: {
		'strong-independent': {
			title: 'With friends, you lean strongly towards going it alone.',
			body: 'You keep most of your troubles to yourself. Your friends may not know when you need them.',
			next: 'Try next: tell one friend about something hard this week, even something small.'
		},
		independent: {
			title: 'With friends, you lean independent.',
			body: 'You are the friend who copes. You are there for others, but you ask for less than you give.',
			next: 'Try next: say yes the next time a friend offers to help.'
		},
		midpoint: {
			title: 'With friends, you sit near the midpoint.',
			body: 'You lean on your friends and they lean on you. That is the heart of a good friendship.',
			next: 'Try next: think of a friend you have not helped or asked in a while, and reach out.'
		},
		dependent: {
			title: 'With friends, you lean towards relying on others.',
			body: 'Your friends often help you choose and plan. You trust them, and that is good.',
			next: 'Try next: make one plan yourself this week and invite a friend to join.'
		},
		'strong-dependent': {
			title: 'With friends, you lean strongly towards relying on others.',
			body: 'You often wait for friends to decide, plan or tell you things are fine. Your own choices can get lost.',
			next: 'Try next: do one thing you enjoy on your own, then tell a friend how it went.'
		},
		'pulled-both-ways': {
			title: 'With friends, you are pulled both ways.',
			body: 'With some friends, or on some days, you go it alone. At other times you lean hard on them.',
			next: 'Try next: notice who you lean on and who you hide things from. What is different?'
		}
	},
	TEAM: {
		'strong-independent': {
			title: 'At work, you lean strongly towards going it alone.',
			body: 'You fix things yourself and keep problems quiet. Your team may not see the load you carry.',
			next: 'Try next: bring one problem to a teammate early this week, before you have solved it.'
		},
		independent: {
			title: 'At work, you lean independent.',
			body: 'You own your work and get it done. Sometimes you go it alone when a teammate could help.',
			next: 'Try next: hand one piece of work to a teammate, and check in on it together.'
		},
		midpoint: {
			title: 'At work, you sit near the midpoint.',
			body: 'You ask for help and you give it. Your team can count on you, and you on them.',
			next: 'Try next: notice one piece of work this month that went better because you shared it.'
		},
		dependent: {
			title: 'At work, you lean towards relying on others.',
			body: 'You often check with others before you act. Your team’s views matter to you.',
			next: 'Try next: make one call that is yours to make, then tell your team what you decided.'
		},
		'strong-dependent': {
			title: 'At work, you lean strongly towards relying on others.',
			body: 'You often wait for others to start, decide or fix things. Your own ideas may go unheard.',
			next: 'Try next: take the first step on one task this week before asking anyone.'
		},
		'pulled-both-ways': {
			title: 'At work, you are pulled both ways.',
			body: 'Some days you do it all yourself. Other days you hand things over. Both pulls are strong.',
			next: 'Try next: look at what kind of task pulls you each way, and note one example.'
		}
	}
};
