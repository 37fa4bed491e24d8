// @ts-check
/**
 * "Copy the link" for the calendar link shown once on the actions page (decision 0040). The
 * button needs JavaScript, so it stays hidden until this script shows it.
 */
const field = /** @type {HTMLInputElement | null} */ (document.getElementById('feed-url'));
const copying = document.querySelector('[data-copy-link]');
if (field) {
	field.addEventListener('focus', () => field.select());
	if (document.activeElement === field) field.select();
}
if (field && copying && navigator.clipboard) {
	const said = /** @type {HTMLElement} */ (copying.querySelector('[role="status"]'));
	copying.querySelector('button')?.addEventListener('click', async () => {
		try {
			await navigator.clipboard.writeText(field.value);
			said.textContent = 'Copied.';
		} catch {
			// The browser said no: select the link so it can be copied by hand.
			field.focus();
		}
	});
	copying.removeAttribute('hidden');
}
