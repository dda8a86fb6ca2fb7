/**
 * A lookup table of ASCII characters (1 = listed): the character checks of the request target
 * and of response headers, as a loop over char codes instead of a regular expression call.
 */
export function charTable(chars: string): Uint8Array {
  const table = new Uint8Array(128);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
}
