/**
 * What a closed round says of a group it does not show, on the page and in the PDF alike: no more
 * answers can come, so it says what happened rather than "not yet".
 */
export function hiddenGroupText(asked: number): string {
	return asked === 0
		? 'Nobody was asked here this round.'
		: 'Fewer than three people answered here, so this group is not shown: a group shows only when at least three of its people answered.';
}
