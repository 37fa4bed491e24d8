/**
 * The mailbox an address delivers to, for telling whether two addresses reach the same person:
 * letter case, a trailing dot after the domain and a "+tag" after the name change nothing, and
 * Gmail also ignores dots in the name. Used wherever a person's own address or the same address
 * twice must be refused (feedback raters, the other person of an action); what is stored and
 * emailed stays the address as typed. It cannot tell two mailboxes of one person apart: nothing
 * can (decision 0028).
 */
export function mailboxOf(email: string): string {
	const address = email.trim().toLowerCase();
	const at = address.lastIndexOf('@');
	if (at < 1) return address;
	let name = address.slice(0, at);
	let domain = address.slice(at + 1).replace(/\.+$/, '');
	const plus = name.indexOf('+');
	if (plus > 0) name = name.slice(0, plus);
	if (domain === 'googlemail.com') domain = 'gmail.com';
	if (domain === 'gmail.com') name = name.replaceAll('.', '');
	return `${name}@${domain}`;
}

/** True when two addresses deliver to the same mailbox. */
export const sameMailbox = (a: string, b: string): boolean => mailboxOf(a) === mailboxOf(b);
