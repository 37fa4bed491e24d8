/**
 * What the round page and its PDF say of forms the attention line set aside: how many, in the
 * whole round, never which group or whose. Null when none were.
 */
export function setAsideText(count: number | null): string | null {
	if (!count) return null;
	const what = count === 1 ? 'One set of answers was' : `${count} sets of answers were`;
	return `${what} left out: the line that asks for a particular answer, to check each line is read, was answered otherwise. Left-out answers count in no group.`;
}
