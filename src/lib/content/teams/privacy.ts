/**
 * Who sees what in a team (issue 12), said the same way in the invitation email, on the page
 * where someone joins and above the check-in. Change it here and all three change.
 */
export const WHO_SEES_WHAT: readonly string[] = [
	'Your assessment result stays yours. The team only gets where you land on the line, as one dot among the others.',
	'Once a check-in closes, everyone on the team sees the team as a whole: how the dots spread along the line, the middle of the group, and figures about the team such as how many ties go both ways. You also see where your own dot sits.',
	'Your dot carries your name on the team map only if you say yes. Otherwise it is in the spread without a name; and unless at least three people are without a name, no names are shown at all, so nobody can tell which dot is yours.',
	'The short survey asks how often you go to each teammate for help or advice, and how often they come to you. Nobody on the team sees your answers, not even the team lead.',
	'Only the coach who runs the team sees who relies on whom, by name, so they can help the team work together. The map shows nothing until at least four people have checked in.'
];
