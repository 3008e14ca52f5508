import PDFDocument from 'pdfkit';
import type { CitizenAccessReport } from '@outcomes/contracts';

/** "5.12.2026": the product's one Danish date format (decision 54). */
function danishDate(date: string): string {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  return `${d}.${m}.${y}`;
}

/** An instant in Danish time, "5.12.2026 kl. 14.03". */
function danishTime(iso: string): string {
  const parts = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso));
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${Number(part('day'))}.${Number(part('month'))}.${part('year')} kl. ${part('hour')}.${part('minute')}`;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A stored value as the citizen reads it: dates the Danish way, yes/no, structured values as compact JSON. */
export function shown(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'boolean') return value ? 'ja' : 'nej';
  if (typeof value === 'string') return DATE.test(value) ? danishDate(value) : INSTANT.test(value) ? danishTime(value) : value;
  if (typeof value === 'number') return String(value).replace('.', ',');
  return JSON.stringify(value);
}

const ROLE_DA: Record<string, string> = { staff: 'behandler', coordinator: 'koordinator', evaluator: 'evaluator', admin: 'administrator', operator: 'national drift' };

/**
 * The report for the citizen, in Danish: who it is about, what is held (table by table, every row and
 * column, every version of every note), and every logged look-up: when, what, why, by which role in
 * which municipality, never by whom (Datatilsynet's practice). pdfkit's Helvetica, as the decision letter.
 */
export function accessReportPdf(report: CitizenAccessReport, options: { compress?: boolean } = {}): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, compress: options.compress ?? true, lang: 'da-DK', info: { Title: 'Indsigt i dine oplysninger', Author: report.municipality.name } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const heading = (text: string, size = 13): void => {
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(size).text(text).moveDown(0.2).font('Helvetica').fontSize(10);
  };
  const c = report.citizen;

  doc
    .font('Helvetica')
    .fontSize(10)
    .text(report.municipality.name, { align: 'right' })
    .text(`Dato: ${danishDate(report.producedOn)}`, { align: 'right' })
    .text(`Din anmodning modtaget: ${danishDate(report.requestedOn)}`, { align: 'right' })
    .text(`Svarfrist: ${danishDate(report.dueOn)}`, { align: 'right' });
  doc.moveDown(1).fontSize(11).text(`${c.firstName} ${c.lastName}`);
  if (c.cpr) doc.text(`CPR-nr.: ${c.cpr.length === 10 ? `${c.cpr.slice(0, 6)}-${c.cpr.slice(6)}` : c.cpr}`);
  doc.moveDown(1.2).font('Helvetica-Bold').fontSize(16).text('Indsigt i dine oplysninger');
  doc.font('Helvetica').fontSize(10).moveDown(0.4);
  doc.text(
    'Du har bedt om indsigt efter databeskyttelsesforordningens artikel 15. Her er alle de oplysninger, kommunen har registreret om dig i ' +
      'systemet til stofmisbrugsbehandling, og hvornår og hvorfor de er slået op. Af hensyn til medarbejderne oplyses ikke, hvilken ' +
      'medarbejder der har slået dine oplysninger op (Datatilsynets praksis), kun hvornår, hvad, hvorfor og i hvilken rolle.',
  );

  heading('Oversigt');
  for (const count of report.counts) doc.text(`${count.label.da}: ${count.rows}`);
  doc.text(`Opslag i dine oplysninger: ${report.lookups.length}`);

  for (const section of report.sections) {
    heading(`${section.label.da} (${section.rows.length})`);
    if (section.rows.length === 0) {
      doc.text('Ingen.');
      continue;
    }
    section.rows.forEach((row, i) => {
      if (i > 0) doc.moveDown(0.5);
      for (const [key, value] of Object.entries(row)) {
        doc.font('Helvetica-Bold').text(`${section.columns[key]?.da ?? key}: `, { continued: true }).font('Helvetica').text(shown(value));
      }
    });
  }

  heading(`Opslag i dine oplysninger (${report.lookups.length})`);
  if (report.lookups.length === 0) doc.text('Ingen.');
  for (const l of report.lookups) {
    doc.font('Helvetica-Bold').text(danishTime(l.at), { continued: true }).font('Helvetica').text(`  ${l.what.da}. Hvorfor: ${l.why.da}. Rolle: ${ROLE_DA[l.role] ?? l.role}${l.municipality ? `, ${l.municipality}` : ''}${l.outcome === 'ok' ? '' : ` (${l.outcome === 'refused' ? 'afvist' : 'ikke fundet'})`}.`);
  }

  doc.moveDown(1.5).text('Har du spørgsmål, eller mener du, at en oplysning er forkert, kan du kontakte kommunen. Du kan klage til Datatilsynet.');
  doc.text(report.municipality.name);
  doc.end();
  return done;
}
