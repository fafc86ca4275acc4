/** Word patterns and what each means, tried in order. */
export type WordList<T> = readonly (readonly [RegExp, T])[];

/**
 * What the first pattern `text` matches means; undefined when none does. An index loop: a
 * destructuring `([re]) =>` callback allocates an iterator per try, several per row of a long list.
 */
export function meaningOf<T>(words: WordList<T>, text: string): T | undefined {
  for (let i = 0; i < words.length; i++) {
    const entry = words[i]!;
    if (entry[0].test(text)) return entry[1];
  }
  return undefined;
}
