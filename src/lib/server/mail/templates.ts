import type { EmailMessage } from './mailer.ts';

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function layout(paragraphs: string[], link?: { href: string; label: string }): string {
	const body = paragraphs.map((p) => `<p style="margin:0 0 16px">${escapeHtml(p)}</p>`).join('');
	const button = link
		? `<p style="margin:24px 0"><a href="${escapeHtml(link.href)}" style="background:#2f5d62;color:#fff;padding:12px 20px;border-radius:6px;text-decoration:none">${escapeHtml(link.label)}</a></p><p style="margin:0 0 16px;color:#555">Or paste this address into your browser: ${escapeHtml(link.href)}</p>`
		: '';
	return `<!doctype html><html><body style="font-family:Georgia,serif;color:#2b2622;background:#faf7f2;padding:24px"><div style="max-width:560px;margin:auto">${body}${button}<p style="color:#6b625a;font-size:14px">Midpoint</p></div></body></html>`;
}

export function passwordResetEmail(to: string, name: string, link: string): EmailMessage {
	const lines = [
		`Hello ${name},`,
		'Someone, hopefully you, asked to reset the password of your Midpoint account.',
		'Use the link below within the next hour to choose a new one. It works once.',
		'If you did not ask for this, you can ignore this email: your password stays as it is.'
	];
	return {
		to,
		subject: 'Reset your Midpoint password',
		text: `${lines.join('\n\n')}\n\n${link}\n\nMidpoint`,
		html: layout(lines, { href: link, label: 'Choose a new password' })
	};
}

export function passwordChangedEmail(to: string, name: string): EmailMessage {
	const lines = [
		`Hello ${name},`,
		'The password of your Midpoint account was just changed, and every other signed-in device was signed out.',
		'If this was not you, reset your password straight away from the sign-in page.'
	];
	return {
		to,
		subject: 'Your Midpoint password was changed',
		text: `${lines.join('\n\n')}\n\nMidpoint`,
		html: layout(lines)
	};
}

export function accountExistsEmail(to: string, name: string, loginLink: string): EmailMessage {
	const lines = [
		`Hello ${name},`,
		'Someone tried to create a Midpoint account with this email address, but you already have one.',
		'You can sign in from the link below. If you have forgotten your password, choose "Forgot your password?" there.',
		'If this was not you, nothing has changed and you can ignore this email.'
	];
	return {
		to,
		subject: 'You already have a Midpoint account',
		text: `${lines.join('\n\n')}\n\n${loginLink}\n\nMidpoint`,
		html: layout(lines, { href: loginLink, label: 'Sign in' })
	};
}

export function confirmEmail(to: string, name: string, link: string): EmailMessage {
	const lines = [
		`Welcome to Midpoint, ${name}.`,
		'Please confirm that this is your email address: open the link below and type the password you chose when signing up. The link works once and for the next two days.',
		'If you did not sign up, someone may have typed your address by mistake. Nothing happens unless the link is used with their password; to have an account of your own with this address, ask for a password reset instead.'
	];
	return {
		to,
		subject: 'Confirm your email for Midpoint',
		text: `${lines.join('\n\n')}\n\n${link}\n\nMidpoint`,
		html: layout(lines, { href: link, label: 'Confirm and sign in' })
	};
}
