import { describe, expect, it } from 'vitest';
import type { CellCode, DomainCode } from '../../content/instrument/codes.ts';
import { answersScoring } from '../../../../tests/factories/answers.ts';
import { releaseRound, viewRound, type CompletedForm } from './pooling.ts';

/** A rater's form for one domain, each cell scoring the given rekeyed value (1–5). */
function form(
	domain: DomainCode,
	cells: { DEP: number; IND: number; MUT: number },
	comment: string | null = null
): CompletedForm {
	const values = Object.fromEntries(
		Object.entries(cells).map(([scale, value]) => [`${domain}_${scale}` as CellCode, value])
	);
	return { domain, answers: answersScoring(values), comment };
}

/** Position = 25 · (DEP − IND) with every item of a cell at the same value. */
const at50 = (domain: DomainCode, comment: string | null = null) =>
	form(domain, { DEP: 4, IND: 2, MUT: 3 }, comment);
const at25 = (domain: DomainCode, comment: string | null = null) =>
	form(domain, { DEP: 4, IND: 3, MUT: 3 }, comment);
const at0 = (domain: DomainCode, comment: string | null = null) =>
	form(domain, { DEP: 3, IND: 3, MUT: 3 }, comment);

function withBlank(f: CompletedForm, ...ids: string[]): CompletedForm {
	const answers = { ...f.answers };
	for (const id of ids) delete (answers as Record<string, unknown>)[id];
	return { ...f, answers };
}

const fixed = () => 0.42;

describe('pooling raters answers', () => {
	it('reveals nothing of a domain with two completed raters, before or after the close', () => {
		const forms = [at50('FAM', 'Kind.'), at0('FAM', 'Busy.')];
		const open = viewRound({ closed: false, release: null }, forms);
		expect(open.domains.FAM).toEqual({ status: 'open', thresholdMet: false });
		expect(open.comments).toBeNull();

		const release = releaseRound(forms, { FAM: { position: 10, sem: 12 } });
		expect(release.domains.FAM).toEqual({ status: 'not-enough' });
		const closed = viewRound({ closed: true, release }, forms);
		expect(closed.domains.FAM).toEqual({ status: 'not-enough' });
		expect(JSON.stringify(closed)).not.toMatch(/Kind|Busy|25|50/);
	});

	it('pools three completed raters into a mean, an SD, a band and n', () => {
		const release = releaseRound([at50('FRI'), at25('FRI'), at0('FRI')], {
			FRI: { position: -40, sem: 11 }
		});
		const friends = release.domains.FRI;
		if (friends.status !== 'released') throw new Error('friends should be released');
		// Mean (50 + 25 + 0) / 3 = 25; SD (n − 1) = 25; half band 1.645 · 25 / √3 = 23.74353…
		expect(friends.n).toBe(3);
		expect(friends.mean).toBeCloseTo(25, 10);
		expect(friends.sd).toBeCloseTo(25, 10);
		expect(friends.band.low).toBeCloseTo(25 - 23.74353, 4);
		expect(friends.band.high).toBeCloseTo(25 + 23.74353, 4);
		expect(friends.zone).toBe('dependent');
		expect(friends.self).toEqual({ position: -40, sem: 11 });
		// Nothing per rater is kept: only the pooled figures.
		expect(Object.keys(friends).sort()).toEqual([
			'band',
			'mean',
			'n',
			'sd',
			'self',
			'status',
			'zone'
		]);
		expect(release.domains.FAM).toEqual({ status: 'not-enough' });
		expect(release.domains.TEAM).toEqual({ status: 'not-enough' });
	});

	it('counts a rater only when every cell of their domain is scored (5 of 6 answers)', () => {
		const fiveOfSix = withBlank(at0('TEAM'), 'TEAM_MUT_2');
		const fourOfSix = withBlank(at0('TEAM'), 'TEAM_MUT_2', 'TEAM_MUT_3');
		expect(releaseRound([at50('TEAM'), at25('TEAM'), fiveOfSix], {}).domains.TEAM.status).toBe(
			'released'
		);
		expect(releaseRound([at50('TEAM'), at25('TEAM'), fourOfSix], {}).domains.TEAM).toEqual({
			status: 'not-enough'
		});
		expect(
			viewRound({ closed: false, release: null }, [at50('TEAM'), at25('TEAM'), fourOfSix]).domains
				.TEAM
		).toEqual({ status: 'open', thresholdMet: false });
	});

	it("counts a form for the rater's own domain only, whatever else it carries", () => {
		const friendAnsweringFamily = {
			...at0('FRI'),
			answers: { ...at0('FRI').answers, ...at0('FAM').answers }
		};
		const release = releaseRound([at50('FAM'), at25('FAM'), friendAnsweringFamily], {});
		expect(release.domains.FAM).toEqual({ status: 'not-enough' });
	});

	it('while open, says only whether the threshold is met', () => {
		const view = viewRound({ closed: false, release: null }, [
			at50('FRI'),
			at25('FRI'),
			at0('FRI', 'A note')
		]);
		expect(view.domains).toEqual({
			FAM: { status: 'open', thresholdMet: false },
			FRI: { status: 'open', thresholdMet: true },
			TEAM: { status: 'open', thresholdMet: false }
		});
		expect(view.comments).toBeNull();
	});

	it('shows the stored release after the close, not the live forms', () => {
		const forms = [at50('FRI'), at25('FRI'), at0('FRI')];
		const release = releaseRound(forms, {});
		const later = viewRound({ closed: true, release }, [...forms, at50('FRI'), at50('FAM')]);
		expect(later.domains.FRI).toEqual(release.domains.FRI);
		expect(later.domains.FAM).toEqual({ status: 'not-enough' });
		// A closed round whose release was never stored shows nothing rather than live figures.
		const unreleased = viewRound({ closed: true, release: null }, forms);
		expect(unreleased.domains.FRI).toEqual({ status: 'not-enough' });
	});

	it('pools comments only when three exist, shuffled, from released domains, never by domain', () => {
		const two = releaseRound([at50('FRI', 'One'), at25('FRI', 'Two'), at0('FRI')], {});
		expect(two.comments).toBeNull();
		const forms = [
			at50('FRI', 'Always there for us.'),
			at25('FRI', '  '),
			at0('FRI', 'Asks for help more than before.'),
			at0('TEAM', 'Quick to say yes.'),
			at50('TEAM', 'Sometimes disappears.'),
			at25('TEAM', 'Good at sharing the load.'),
			at0('FAM', 'Family secret.'),
			at50('FAM', 'Another family note.')
		];
		const release = releaseRound(forms, {}, fixed);
		expect(release.comments).toHaveLength(5);
		expect([...release.comments!].sort()).toEqual(
			[
				'Always there for us.',
				'Asks for help more than before.',
				'Good at sharing the load.',
				'Quick to say yes.',
				'Sometimes disappears.'
			].sort()
		);
		// Family showed nothing, so its comments stay hidden too.
		expect(JSON.stringify(release)).not.toContain('Family secret');
		// The order is the shuffle's, not the order the forms came in.
		expect(release.comments).not.toEqual([
			'Always there for us.',
			'Asks for help more than before.',
			'Quick to say yes.',
			'Sometimes disappears.',
			'Good at sharing the load.'
		]);
	});

	it('names a pulled-both-ways domain and keeps the band on the line', () => {
		const pulled = releaseRound(
			[
				form('FAM', { DEP: 5, IND: 5, MUT: 3 }),
				form('FAM', { DEP: 5, IND: 4, MUT: 3 }),
				form('FAM', { DEP: 4, IND: 5, MUT: 3 })
			],
			{}
		).domains.FAM;
		expect(pulled).toMatchObject({ status: 'released', zone: 'pulled-both-ways', mean: 0 });
		const extreme = releaseRound(
			[
				form('TEAM', { DEP: 1, IND: 5, MUT: 3 }),
				form('TEAM', { DEP: 1, IND: 5, MUT: 3 }),
				form('TEAM', { DEP: 2, IND: 5, MUT: 3 })
			],
			{}
		).domains.TEAM;
		if (extreme.status !== 'released') throw new Error('team should be released');
		expect(extreme.band.low).toBe(-100);
		expect(extreme.zone).toBe('strong-independent');
	});
});
