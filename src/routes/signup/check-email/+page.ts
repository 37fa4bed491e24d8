// No client: nothing here needs one (decisions 0023, 0040).
export const csr = false;
