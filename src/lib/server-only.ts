/**
 * Page data that only the server's render needs. SvelteKit serialises every load's data for
 * hydration even on pages that never hydrate (`csr = false`); wrapped in this, a value is sent
 * as nothing (see the `transport` hook in src/hooks.ts), which spares the home page's charts
 * that work on every request. Use it only on pages with `csr = false`.
 */
export class ServerOnly<T> {
	readonly value: T;
	constructor(value: T) {
		this.value = value;
	}
}
