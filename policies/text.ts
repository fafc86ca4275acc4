/** Odd spaces of printed text: NBSP, full-width, zero-width and the like. */
const SPACES = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g;
/** Text normText changes: any space but single ASCII ones between other characters (most page texts have none). */
const NOT_NORMAL = /[^\S ]|\u200b|  |^ | $/;

/** NBSP, full-width and other odd spaces → one ASCII space; trimmed. A text already so is returned as it is, not copied. */
export function normText(s: string): string {
  return NOT_NORMAL.test(s) ? s.replace(SPACES, ' ').trim() : s;
}
