/**
 * Names are stored encrypted and found through keyed hashes of their normalised whole-word tokens.
 * This is the normalisation both sides share: "Søren Aagaard-Jensen" and "søren  ågaard jensen"
 * give the same tokens, so a search for "aagaard" finds "Ågaard".
 */
export function nameTokens(...names: (string | null | undefined)[]): string[] {
  const tokens = names
    .filter((n): n is string => typeof n === 'string')
    .join(' ')
    .normalize('NFKC')
    .toLowerCase()
    // Danish: the old spelling "aa" and "å" are the same letter.
    .replace(/aa/g, 'å')
    // Accents that are not Danish letters (é, ü, ö) fold to their base letter; æ, ø, å stay.
    .normalize('NFD')
    .replace(/[\u0300-\u0309\u030b-\u036f]/g, '') // every combining mark but U+030A, the ring of å
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
  return [...new Set(tokens)];
}
