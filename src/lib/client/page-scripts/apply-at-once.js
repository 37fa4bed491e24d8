// @ts-check
/**
 * The roster's menus apply as soon as a choice is made (decision 0040): the form is sent as if
 * "Show clients" had been pressed. The page is read again, so the menu that was used gets the
 * focus back, as the keyboard left it. Without this script the button does the same.
 */
const FOCUS = 'midpoint:roster-focus';
for (const menu of document.querySelectorAll('select[data-apply-at-once]')) {
	menu.addEventListener('change', () => {
		sessionStorage.setItem(FOCUS, menu.id);
		/** @type {HTMLSelectElement} */ (menu).form?.requestSubmit();
	});
}
const focused = sessionStorage.getItem(FOCUS);
if (focused) {
	sessionStorage.removeItem(FOCUS);
	document.getElementById(focused)?.focus();
}
