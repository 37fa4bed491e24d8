// A plain page; it needs no script.
export const csr = false;
