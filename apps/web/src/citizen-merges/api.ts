import type { CitizenMerge, CitizenMergePreview } from '@outcomes/contracts';
import { createHttpClient } from '../data/http-client';

const httpClient = createHttpClient();
const post = async <T,>(url: string, body: unknown): Promise<T> => (await httpClient(url, { method: 'POST', body: JSON.stringify(body) })).json as T;

/** The citizen's merges (into it, or of it), newest first. */
export const listMerges = async (citizenId: string): Promise<CitizenMerge[]> => (await httpClient(`/api/citizen-merges?citizenId=${encodeURIComponent(citizenId)}`)).json as CitizenMerge[];

/** What a merge into the record with this CPR number would move; the CPR number goes in the body, never a URL. */
export const previewMerge = (sourceId: string, targetCpr: string): Promise<CitizenMergePreview> => post('/api/citizen-merges/preview', { sourceId, targetCpr });

export const mergeCitizens = (body: { sourceId: string; sourceVersion: number; targetId: string; targetVersion: number; reason: string }): Promise<CitizenMerge> => post('/api/citizen-merges', body);

export const undoMerge = (id: string, body: { version: number; reason: string }): Promise<CitizenMerge> => post(`/api/citizen-merges/${encodeURIComponent(id)}/undo`, body);
