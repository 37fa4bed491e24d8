/**
 * A team check-in step for whichever team the client is on, so one program serves many teams
 * (stored in the step's `team` in place of a team id). Its own module: the builder's form reads
 * it without the program schema.
 */
export const ANY_TEAM = 'any';
