import type { GroupKind, ProgrammeFormat } from '@outcomes/contracts';

export interface GroupForm {
  programmeId: string;
  centreId: string;
  name: string;
  startDate?: string | null;
  startTime: string;
  place?: string | null;
  weekday?: number | null;
  /** Set by the form from the chosen programme's format. */
  kind?: GroupKind;
}

export const groupKindOf = (format: ProgrammeFormat | undefined): GroupKind | undefined =>
  format === 'closed-group' ? 'course' : format === 'open-group' ? 'standing' : undefined;

/**
 * Only what POST /api/groups takes: a course its first meeting day (its meetings follow from the
 * protocol), a standing group its weekday. An empty place goes as null.
 */
export function toGroupCreateBody(data: GroupForm) {
  const common = {
    programmeId: data.programmeId,
    centreId: data.centreId,
    name: data.name.trim(),
    startTime: data.startTime,
    place: data.place?.trim() ? data.place.trim() : null,
  };
  return data.kind === 'standing' ? { ...common, weekday: data.weekday } : { ...common, startDate: data.startDate };
}
