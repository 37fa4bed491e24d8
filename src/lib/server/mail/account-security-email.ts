import type { EmailMessage } from './mailer.ts';
import { layout } from './templates.ts';
import { timeInWords } from '../../domain/devices.ts';

function message(to: string, subject: string, lines: string[]): EmailMessage {
	return { to, subject, text: `${lines.join('\n\n')}\n\nMidpoint`, html: layout(lines) };
}

/**
 * A message with one link, on a line of its own in the text (a mail program that makes links of
 * addresses would take a comma or full stop after it into the link) and as a button in the HTML.
 */
function linkMessage(
	to: string,
	subject: string,
	lines: string[],
	link: { href: string; label: string }
): EmailMessage {
	return {
		to,
		subject,
		text: `${lines.join('\n\n')}\n\n${link.href}\n\nMidpoint`,
		html: layout(lines, link)
	};
}

export function newSignInEmail(
	to: string,
	name: string,
	signIn: { at: Date; device: string; loginUrl: string }
): EmailMessage {
	return linkMessage(
		to,
		'A new sign-in to your Midpoint account',
		[
			`Hello ${name},`,
			`Your Midpoint account was just signed in to from a device it had not seen before: ${signIn.device}, on ${timeInWords(signIn.at)}.`,
			'If that was you, there is nothing to do.',
			'If it was not you, someone knows your password. Reset it now: open the sign-in page below and choose "Forgot your password?". That signs out every device. Then turn on two-step sign-in from your account page.'
		],
		{ href: signIn.loginUrl, label: 'Open the sign-in page' }
	);
}

export function emailChangeLinkEmail(to: string, name: string, link: string): EmailMessage {
	const lines = [
		`Hello ${name},`,
		'You asked to use this address for your Midpoint account. Open the link below to make the change: until then, your account keeps its old address. The link works once, for the next 24 hours.',
		'If you did not ask for this, ignore this email and nothing will change.'
	];
	return {
		to,
		subject: 'Confirm your new email address for Midpoint',
		text: `${lines.join('\n\n')}\n\n${link}\n\nMidpoint`,
		html: layout(lines, { href: link, label: 'Use this address' })
	};
}

export function emailChangeAskedEmail(to: string, name: string, newEmail: string): EmailMessage {
	return message(to, 'Someone asked to change the email of your Midpoint account', [
		`Hello ${name},`,
		`A change of your Midpoint account's email address to ${newEmail} was just asked for, with your password. Nothing changes unless the link we sent to that address is used.`,
		'If that was you, there is nothing to do here.',
		'If it was not you, someone knows your password: reset it now from the sign-in page ("Forgot your password?"). That signs out every device and cancels the change.'
	]);
}

export function emailChangedEmail(
	to: string,
	name: string,
	newEmail: string,
	undoLink: string
): EmailMessage {
	const lines = [
		`Hello ${name},`,
		`Your Midpoint account now uses ${newEmail}. Emails from Midpoint go there from now on, and you sign in with it.`,
		'If this was not you, open the link below within 7 days: it puts this address back on the account and signs out every device. Then reset your password from the sign-in page. The link works once.'
	];
	return {
		to,
		subject: 'The email of your Midpoint account was changed',
		text: `${lines.join('\n\n')}\n\n${undoLink}\n\nMidpoint`,
		html: layout(lines, { href: undoLink, label: 'Put my old address back' })
	};
}

export function emailTakenEmail(to: string, loginUrl: string): EmailMessage {
	return linkMessage(
		to,
		'This address already has a Midpoint account',
		[
			'Hello,',
			'Someone signed in to a Midpoint account asked to move it to this address. This address already has an account of its own, so nothing was changed.',
			'If it was you, sign in to that account from the link below, or choose another address. If it was not, you can ignore this email.'
		],
		{ href: loginUrl, label: 'Sign in' }
	);
}
