import { inflateSync } from 'node:zlib';

/** The text of a PDF's content streams: each FlateDecode stream inflated, the hex strings of its TJ/Tj operators read as WinAnsi (Latin-1 for these letters). */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const from = (m.index ?? 0) + m[0].length;
    const to = raw.indexOf('endstream', from);
    const bytes = pdf.subarray(from, to);
    let content: string;
    try {
      content = inflateSync(bytes).toString('latin1');
    } catch {
      content = bytes.toString('latin1');
    }
    for (const op of content.matchAll(/\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]+)>\s*Tj/g)) {
      const hexes = op[1] !== undefined ? [...op[1].matchAll(/<([0-9a-fA-F]+)>/g)].map((h) => h[1] as string) : [op[2] as string];
      lines.push(hexes.map((h) => Buffer.from(h, 'hex').toString('latin1')).join(''));
    }
  }
  return lines.join('\n');
}
