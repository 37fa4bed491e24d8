import { z } from 'zod';
import { ZONES, type Zone } from '../../domain/scoring/zones.ts';
import type { DomainCode } from './codes.ts';
import { domainExplanations } from './explanations-by-domain.ts';

/** What a result means, in our voice: a headline, a few short sentences, and what to try next. */
export type Explanation = { title: string; body: string; next: string };

export const overallExplanations: Record<Zone, Explanation> = {
	'strong-independent': {
		title: 'You lean strongly towards going it alone.',
		body: 'Across family, friends and work, you mostly handle things yourself. That takes real strength. It can also mean you carry more than you need to, and the people close to you miss the chance to help.',
		next: 'Try next: pick one small thing this week and ask someone to do it with you.'
	},
	independent: {
		title: 'You lean independent.',
		body: 'You often rely on yourself first. You get things done, and people can count on you. Now and then you may skip asking when asking would make the load lighter.',
		next: 'Try next: notice one moment this week when you reach for doing it alone, and ask for help once.'
	},
	midpoint: {
		title: 'You sit near the midpoint.',
		body: 'You rely on others and on yourself in fairly even measure. You take help and you give it. That balance is what Midpoint is about.',
		next: 'Try next: look at each area below. The midpoint can look different at home, with friends and at work.'
	},
	dependent: {
		title: 'You lean towards relying on others.',
		body: 'You often turn to the people around you before you act. You value what they think, and that trust is a strength. Sometimes you may wait for others when you could go ahead.',
		next: 'Try next: make one small choice on your own this week, then tell someone how it went.'
	},
	'strong-dependent': {
		title: 'You lean strongly towards relying on others.',
		body: 'In much of your life, you look to others to decide, fix or reassure. Being open to help is a gift. When it happens most of the time, your own voice can get quieter.',
		next: 'Try next: choose one decision that is yours this week. Make it first, then share it.'
	},
	'pulled-both-ways': {
		title: 'You are pulled both ways.',
		body: 'You often go it alone, and you often lean hard on others. Both can be true at once, at different moments or with different people. One dot would hide that, so we show both pulls.',
		next: 'Try next: think of one recent moment of each kind. What was different about them?'
	}
};

/** The explanation for the whole result, or for one domain when `domain` is given. */
export function explanationFor(zone: Zone, domain?: DomainCode): Explanation {
	return domain ? domainExplanations[domain][zone] : overallExplanations[zone];
}

// Words our voice avoids: labels that judge ("over-", "needy") or sound clinical.
const judging = /\bover-|\binconsistent|\bneedy|\bdisorder|\bpatholog|\bunhealthy|\bdysfunction/i;
const explanationSchema = z.object({
	title: z.string().min(10).max(80),
	body: z
		.string()
		.min(40)
		.max(260)
		.refine((text) => !judging.test(text), 'uses a judging or clinical word'),
	next: z.string().startsWith('Try next: ')
});
const explanationsSchema = z.record(z.string(), explanationSchema);

/** Checks every explanation at load so a broken edit fails loudly, not on a result page. */
function validateExplanations(): void {
	const sets = { overall: overallExplanations, ...domainExplanations };
	for (const [name, set] of Object.entries(sets)) {
		const result = explanationsSchema.safeParse(set);
		if (!result.success || Object.keys(set).length !== ZONES.length) {
			const issues = result.error?.issues.map(
				(issue) => `${issue.path.join('.')}: ${issue.message}`
			);
			throw new Error(
				`Explanations for ${name} are invalid: ${issues?.join('; ') ?? 'missing zones'}`
			);
		}
	}
}
validateExplanations();
