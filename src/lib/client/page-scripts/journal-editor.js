// @ts-check
/**
 * The journal editor's behaviour, for a page rendered without SvelteKit's client (decision 0040):
 * it saves a moment after typing stops, and keeps a copy in this browser until the server has it,
 * so a dropped connection or a closed tab loses nothing. Without it the form still saves with its
 * button. Served as one plain module: it imports nothing.
 */
const form = /** @type {HTMLFormElement | null} */ (
	document.querySelector('form[data-journal-editor]')
);
if (form) start(form);

/** @param {HTMLFormElement} form */
function start(form) {
	const field = (/** @type {string} */ name) =>
		/** @type {HTMLInputElement} */ (form.elements.namedItem(name));
	const text = /** @type {HTMLTextAreaElement} */ (form.elements.namedItem('body'));
	const idField = field('id');
	const revisionField = field('revision');
	const status = /** @type {HTMLElement} */ (form.querySelector('[data-save-status]'));
	// Copies are filed under the signed-in person (drafts.ts); a new entry's copy moves to the
	// entry's own key once the server has given it an id.
	const prefix = form.dataset.draftPrefix ?? '';
	let storageKey = prefix + form.dataset.draftKey;
	const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
	/** @type {ReturnType<typeof setTimeout> | undefined} */
	let timer;
	let saving = false;
	let again = false;

	function keepCopy() {
		const data = new FormData(form);
		const copy = {
			body: text.value,
			domains: data.getAll('domains'),
			disciplines: data.getAll('disciplines'),
			id: idField.value || null,
			revision: Number(revisionField.value) || null,
			at: Date.now()
		};
		localStorage.setItem(storageKey, JSON.stringify(copy));
	}

	/** @param {string | null} message */
	function showError(message) {
		let shown = document.getElementById('field-body-error');
		if (!message) {
			shown?.remove();
			text.removeAttribute('aria-invalid');
			text.setAttribute('aria-describedby', 'field-body-hint');
			return;
		}
		if (!shown) {
			shown = document.createElement('p');
			shown.className = 'error';
			shown.id = 'field-body-error';
			text.after(shown);
		}
		shown.textContent = message;
		text.setAttribute('aria-invalid', 'true');
		text.setAttribute('aria-describedby', 'field-body-hint field-body-error');
	}

	/** @param {string} id */
	function created(id) {
		// A new entry now has an address: a reload opens it rather than a blank page.
		history.replaceState(history.state, '', `/journal/${id}`);
		form.setAttribute('action', `/journal/${id}?/save`);
		localStorage.removeItem(storageKey);
		storageKey = prefix + id;
		const sharing = document.querySelector('[data-share-after-create]');
		sharing?.querySelector('form')?.setAttribute('action', `/journal/${id}?/share`);
		sharing?.removeAttribute('hidden');
	}

	async function save() {
		if (saving) return void (again = true);
		if (!text.value.trim()) return;
		if (!navigator.onLine) {
			status.textContent =
				'You are offline. Your text is kept on this device and will be saved when you are back.';
			return;
		}
		saving = true;
		status.textContent = 'Saving…';
		const sent = text.value;
		try {
			const response = await fetch(form.action, {
				method: 'POST',
				body: new FormData(form),
				headers: { 'x-sveltekit-action': 'true', accept: 'application/json' }
			});
			const result = JSON.parse(await response.text());
			const data = result.data ? unflatten(JSON.parse(result.data)) : null;
			if (result.type === 'success' && data) {
				const wasNew = !idField.value;
				idField.value = data.id;
				if (wasNew) created(data.id);
				revisionField.value = String(data.revision);
				showError(null);
				status.textContent = `Saved at ${time.format(new Date())}.`;
				if (text.value === sent) localStorage.removeItem(storageKey);
				else keepCopy();
			} else if (result.type === 'failure') {
				showError(data?.fields?.body ?? data?.message ?? 'Not saved.');
				status.textContent = 'Not saved: see the message above. Your text is still here.';
			} else {
				status.textContent = 'Not saved yet. Your text is kept on this device; we will try again.';
			}
		} catch {
			status.textContent =
				'Not saved yet: the connection dropped. Your text is kept on this device; we will try again.';
		} finally {
			saving = false;
			if (again) {
				again = false;
				void save();
			}
		}
	}

	function typed() {
		keepCopy();
		status.textContent = 'Not saved yet…';
		clearTimeout(timer);
		timer = setTimeout(save, 1200);
	}

	text.addEventListener('input', typed);
	for (const box of form.querySelectorAll('input[type="checkbox"]'))
		box.addEventListener('change', typed);
	window.addEventListener('online', () => void save());

	const copy = JSON.parse(localStorage.getItem(storageKey) ?? 'null');
	// The copy is newer when it was written on top of the revision the server still has: compare
	// revisions, not clocks, since a device's clock may differ from the server's.
	const based = copy?.revision ?? 0;
	if (copy && copy.body !== text.defaultValue && based >= (Number(revisionField.value) || 0)) {
		text.value = copy.body;
		if (copy.id && !idField.value) idField.value = copy.id;
		const notice = document.createElement('div');
		notice.className = 'alert success';
		notice.setAttribute('role', 'status');
		const words = document.createElement('p');
		words.textContent =
			'We brought back text you wrote on this device that had not reached the server yet.';
		notice.append(words);
		form.prepend(notice);
		setTimeout(save, 0);
	} else if (text.value !== text.defaultValue) {
		// Typed before this script ran (the text box keeps it): keep it and save it.
		typed();
	}
}

/**
 * Reads the data of a form action's answer (SvelteKit sends it in devalue's format). The save
 * answers hold plain values only: objects, arrays, strings, numbers, booleans and null.
 * @param {unknown} flat
 * @returns {any}
 */
function unflatten(flat) {
	if (typeof flat === 'number') return flat === -1 ? undefined : null;
	const values = /** @type {unknown[]} */ (flat);
	/** @param {number} index @returns {unknown} */
	const read = (index) => {
		if (index < 0) return index === -1 ? undefined : null;
		const value = values[index];
		if (value === null || typeof value !== 'object') return value;
		if (Array.isArray(value)) return value.map(read);
		return Object.fromEntries(
			Object.entries(value).map(([key, at]) => [key, read(/** @type {number} */ (at))])
		);
	};
	return read(0);
}
