import type { CoordinatorDashboard, Facilitation, FacilitatorRole } from '@outcomes/contracts';
import { useCallback, useEffect, useState } from 'react';
import { createHttpClient } from '../data/http-client';

/**
 * The coordinator's calls that are not react-admin resources (a group's facilitators, the dashboard),
 * through the app's HTTP client: cookies, read-only fields stripped, field errors made displayable.
 */
const httpClient = createHttpClient();

const get = async <T>(path: string): Promise<T> => (await httpClient(`/api/${path}`)).json as T;

export interface AssignmentInput {
  volunteerId: string;
  role: FacilitatorRole;
  fromDate: string;
  toDate: string | null;
}

export const fetchFacilitators = (groupId: string) => get<Facilitation[]>(`groups/${encodeURIComponent(groupId)}/facilitators`);

export const assignFacilitator = async (groupId: string, input: AssignmentInput): Promise<Facilitation> =>
  (await httpClient(`/api/groups/${encodeURIComponent(groupId)}/facilitators`, { method: 'POST', body: JSON.stringify(input) })).json as Facilitation;

export const endAssignment = async (groupId: string, facilitationId: string): Promise<Facilitation> =>
  (await httpClient(`/api/groups/${encodeURIComponent(groupId)}/facilitators/${encodeURIComponent(facilitationId)}`, { method: 'DELETE' }))
    .json as Facilitation;

export const fetchCoordinatorDashboard = () => get<CoordinatorDashboard>('coordinator-dashboard');

/** Loads once, and again on `reload()`; `enabled: false` loads nothing (a role without access). */
export function useLoaded<T>(load: () => Promise<T>, enabled = true): { data?: T; error?: unknown; reload: () => void } {
  const [state, setState] = useState<{ data?: T; error?: unknown }>({});
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    load().then(
      (data) => current && setState({ data }),
      (error: unknown) => current && setState({ error }),
    );
    return () => {
      current = false;
    };
  }, [load, enabled, round]);
  return { ...state, reload: useCallback(() => setRound((n) => n + 1), []) };
}
