import type { CitizenAccessReport, CitizenAccessReportRequest } from '@outcomes/contracts';
import { createHttpClient } from '../data/http-client';

const httpClient = createHttpClient();
const PATH = '/api/citizen-access-reports';

/** The report as JSON: the CPR number or record id in the body, never the URL. */
export const fetchAccessReport = async (who: CitizenAccessReportRequest): Promise<CitizenAccessReport> =>
  (await httpClient(PATH, { method: 'POST', body: JSON.stringify(who) })).json as CitizenAccessReport;

/** The PDF, fetched by POST (the CPR number in the body) and handed to the browser as a file; nothing kept. */
export async function fetchAccessReportPdf(who: CitizenAccessReportRequest): Promise<Blob> {
  const res = await fetch(`${PATH}/pdf`, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json', accept: 'application/pdf' }, body: JSON.stringify(who) });
  if (!res.ok) throw new Error(`pdf ${res.status}`);
  return res.blob();
}

/** Saves a blob as a file through a short-lived object URL (memory only: no storage, no address with a name in it). */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
