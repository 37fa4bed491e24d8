/**
 * How much history the coach's page of one client shows before "Show all": the most recently
 * closed actions and the latest shared entries, and with them anything new since the coach's last
 * visit wherever it is (a report-back, an entry shared, a reply from the client not read yet).
 * A client of two years has over two hundred of each, and every one of them on the page (with its
 * reply form) made it 590 KB and 55 ms of server time (decision 0042).
 */
export const HISTORY_SHOWN = 10;

/** The `history` query value that asks for all of it. */
export const ALL_HISTORY = 'all';
