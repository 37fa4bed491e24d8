/**
 * A name that Midpoint writes into an email to someone else's address ("Hello Rita,"): a rater's,
 * the other person of an action's, an invitee's. Anyone can sign up and type one, so it must not
 * carry a web or email address to a stranger's inbox under Midpoint's name (decision 0025).
 */
const ADDRESS_LIKE = /:\/\/|www\.|@|[a-z0-9-]\.(?:[a-z]{2,})(?:[/:?#]|\b)/i;

export const GREETING_NAME_PROBLEM = 'Write just their name: no web or email addresses.';

export function greetingNameProblem(name: string): string | null {
	return ADDRESS_LIKE.test(name) ? GREETING_NAME_PROBLEM : null;
}
