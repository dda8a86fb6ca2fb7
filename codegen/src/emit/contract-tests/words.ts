/**
 * The words (`\w+` runs) of generated code: whether it uses a name is then one lookup, where a
 * `\bname\b` search per name over the text grew with names times text (quadratic in operations).
 * The same answer as that search for names made of word characters, which every Smithy shape
 * name and every generated identifier is.
 */
export function wordsOf(text: string): Set<string> {
  return new Set(text.match(/\w+/g));
}
