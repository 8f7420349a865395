// Fenced code in Markdown opens with three or more backticks or tildes
// (CommonMark), indented by at most three spaces.
const FENCE_OPENING = /^ {0,3}(`{3,}|~{3,})/m;

/** Whether a Markdown body has fenced code, so its page needs the syntax stylesheet. */
export function hasFencedCode(body: string): boolean {
  return FENCE_OPENING.test(body);
}
