import type { ExportDisclosure } from '@outcomes/contracts';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The generalisation codes the web app can name; another code (a newer API) is shown as it is. */
const KNOWN_GENERALISATIONS = ['birth-year-5y', 'months-to-quarters'];

const capitalised = (text: string): string => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/**
 * What disclosure control did to a run, in one line: "Fødselsår i 5-års-intervaller, måneder som
 * kvartaler; 3 værdier undertrykt; 1 person udeladt (k = 5)". The codebook says the same at length.
 */
export function disclosureSummary(disclosure: ExportDisclosure, translate: Translate): string {
  const schemes = disclosure.generalisation.map((code) =>
    KNOWN_GENERALISATIONS.includes(code) ? translate(`app.exports.disclosure.generalisation.${code}`) : code,
  );
  const parts = [
    ...(schemes.length > 0 ? [capitalised(schemes.join(', '))] : []),
    translate('app.exports.disclosure.suppressed', { smart_count: disclosure.suppressedValues }),
    translate('app.exports.disclosure.withheld', { smart_count: disclosure.withheldRows }),
  ];
  return `${capitalised(parts.join('; '))} ${translate('app.exports.disclosure.k', { k: disclosure.k })}`;
}
