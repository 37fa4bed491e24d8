// The framework's ceiling for the page benchmark: a SvelteKit app with one empty page.
import adapter from '@sveltejs/adapter-node';

export default { kit: { adapter: adapter({ out: 'build' }) } };
