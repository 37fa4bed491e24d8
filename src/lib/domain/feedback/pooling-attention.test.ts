import { describe, expect, it } from 'vitest';
import type { DomainCode } from '../../content/instrument/codes.ts';
import { answersScoring } from '../../../../tests/factories/answers.ts';
import {
	raterStatisticsPool,
	releaseRound,
	viewRound,
	type CompletedForm,
	type PracticeRaterForm
} from './pooling.ts';

/** A rater's form seeing the client at +50 in `domain`, with the attention line answered `attn`. */
function form(domain: DomainCode, attn: number | null | 'absent', comment?: string): CompletedForm {
	const answers: Record<string, number | null | undefined> = answersScoring({
		[`${domain}_DEP`]: 4,
		[`${domain}_IND`]: 2,
		[`${domain}_MUT`]: 3
	});
	if (attn !== 'absent') answers.ATTN_1 = attn;
	return { domain, answers, comment: comment ?? null };
}

describe('the attention line', () => {
	it('sets aside a form that missed it, and says only how many in the whole round', () => {
		const forms = [
			form('FRI', 4),
			form('FRI', 4),
			form('FRI', 2, 'Careless words'),
			form('FAM', null)
		];
		const release = releaseRound(forms, {});
		// Two careful friends are not enough: the careless third does not make up the number.
		expect(release.domains.FRI).toEqual({ status: 'not-enough' });
		expect(release.setAside).toBe(2);
		expect(JSON.stringify(release)).not.toContain('Careless words');
		const shown = viewRound({ closed: true, release }, []);
		expect(shown.setAside).toBe(2);
		// Nothing says in which group the set-aside forms were.
		expect(JSON.stringify(shown)).not.toMatch(/FRI[^}]*setAside|setAside[^}]*FAM/);
	});

	it('does not count a careless form towards the threshold while open, and hides the count', () => {
		const open = viewRound({ closed: false, release: null }, [
			form('TEAM', 4),
			form('TEAM', 4),
			form('TEAM', 5)
		]);
		expect(open.domains.TEAM).toEqual({ status: 'open', thresholdMet: false });
		expect(open.setAside).toBeNull();
	});

	it('keeps a form that answered it as asked, or never saw it', () => {
		const release = releaseRound([form('TEAM', 4), form('TEAM', 'absent'), form('TEAM', 4)], {});
		expect(release.domains.TEAM).toMatchObject({ status: 'released', n: 3 });
		expect(release.setAside).toBe(0);
	});
});

describe('rater statistics for a practice', () => {
	const released = releaseRound([form('FRI', 4), form('FRI', 4), form('FRI', 4)], {});
	const practiceForm = (clientId: string, f = form('FRI', 4)): PracticeRaterForm => ({
		...f,
		clientId,
		release: released
	});

	it('pools only forms of released groups, and only from enough forms and clients', () => {
		const fromTwoClients = Array.from({ length: 12 }, (_, i) => practiceForm(`c${i % 2}`));
		expect(raterStatisticsPool(fromTwoClients).FRI).toEqual({ status: 'too-few' });
		const nine = Array.from({ length: 9 }, (_, i) => practiceForm(`c${i % 3}`));
		expect(raterStatisticsPool(nine).FRI).toEqual({ status: 'too-few' });
		const careless = practiceForm('c0', form('FRI', 1));
		const hidden: PracticeRaterForm = {
			...form('FAM', 4),
			clientId: 'c1',
			release: released // family was not released in this round
		};
		const pool = raterStatisticsPool([...nine, practiceForm('c3'), careless, hidden]);
		expect(pool.FRI).toMatchObject({ status: 'shown', clients: 4 });
		if (pool.FRI.status !== 'shown') throw new Error('friends should show');
		expect(pool.FRI.answers).toHaveLength(10);
		expect(pool.FAM).toEqual({ status: 'too-few' });
		expect(pool.TEAM).toEqual({ status: 'too-few' });
	});
});
