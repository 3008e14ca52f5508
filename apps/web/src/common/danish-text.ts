/**
 * The slot props of a text box for what staff write in their own words (notes, reasons, purposes,
 * descriptions): the text is Danish, also when the page is in English, and says so, so that a screen
 * reader reads it as Danish (WCAG 3.1.2, language of parts).
 */
export const DANISH_TEXT = { htmlInput: { lang: 'da' } } as const;
