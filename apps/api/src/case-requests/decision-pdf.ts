import PDFDocument from 'pdfkit';
import type { CaseDecision } from '@outcomes/contracts';

export interface DecisionLetter {
  municipality: string;
  citizenName: string;
  cpr: string | null;
  requestedOn: string;
  decision: CaseDecision;
  programme: string | null;
  centre: string | null;
  decidedBy: string | null;
  supersedes: boolean;
  /** The treatment guarantee's days (TREATMENT_GUARANTEE_DAYS, 14 by the law). */
  guaranteeDays: number;
}

/** "5.12.2026": the product's one Danish date format (docs/decisions.md, decision 54). */
function danishDateText(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${d}.${m}.${y}`;
}

/**
 * The written decision (afgørelse) as a Danish letter: what was applied for, the result, the offer,
 * the reasons, the legal basis and the complaint guidance (Socialstyrelsen, "Retningslinje for
 * afgørelse om behandling og frit valg"). pdfkit's built-in Helvetica (WinAnsi: æ, ø, å and §) reads
 * its font metrics from node_modules/pdfkit, which the API bundle keeps external.
 */
export function decisionPdf(letter: DecisionLetter, options: { compress?: boolean } = {}): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, compress: options.compress ?? true, lang: 'da-DK', info: { Title: 'Afgørelse om stofmisbrugsbehandling', Author: letter.municipality } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const d = letter.decision;
  const heading = (text: string): void => {
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text(text).moveDown(0.2).font('Helvetica').fontSize(11);
  };

  doc.font('Helvetica').fontSize(11).text(letter.municipality, { align: 'right' }).text(`Dato: ${danishDateText(d.decidedOn)}`, { align: 'right' });
  doc.moveDown(1).text(letter.citizenName);
  if (letter.cpr) doc.text(`CPR-nr.: ${letter.cpr.length === 10 ? `${letter.cpr.slice(0, 6)}-${letter.cpr.slice(6)}` : letter.cpr}`);
  doc.moveDown(1.5).font('Helvetica-Bold').fontSize(16).text('Afgørelse om stofmisbrugsbehandling');
  doc.font('Helvetica').fontSize(11).moveDown(0.5);
  if (letter.supersedes) doc.text('Denne afgørelse erstatter en tidligere afgørelse i samme sag. Den tidligere afgørelse er bevaret i sagen.').moveDown(0.5);

  heading('Det har du søgt om');
  doc.text(`Du henvendte dig den ${danishDateText(letter.requestedOn)} og bad om behandling for dit brug af rusmidler (social stofmisbrugsbehandling).`);

  heading('Afgørelse');
  doc.text(d.outcome === 'granted' ? 'Du får bevilget behandling.' : 'Du får afslag på behandling.');
  if (letter.programme || letter.centre) {
    const offer = [letter.programme, letter.centre ? `hos ${letter.centre}` : null].filter(Boolean).join(' ');
    doc.text(`Tilbud: ${offer}.`);
  }
  if (d.outcome === 'granted') {
    doc.text(`Behandlingen skal efter loven begynde senest ${letter.guaranteeDays} dage efter din henvendelse. Du kan vælge et andet offentligt eller godkendt privat behandlingssted af samme art (frit valg).`);
  }

  heading('Begrundelse');
  doc.text(d.reasons);

  heading('Lovgrundlag');
  doc.text(d.legalBasis);

  heading('Klagevejledning');
  doc.text(d.complaintGuidance);

  doc.moveDown(1.5).text('Med venlig hilsen');
  if (letter.decidedBy) doc.text(letter.decidedBy);
  doc.text(letter.municipality);
  doc.end();
  return done;
}
