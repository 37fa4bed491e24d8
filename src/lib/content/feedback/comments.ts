/**
 * Said above a round's pooled comments, on the page and in the PDF. Only groups that show have
 * their comments here, so the words must not suggest every group's are.
 */
export const COMMENTS_NOTE = 'From the groups shown above, mixed in random order, with no names.';
