import type { TrainingKind } from '@outcomes/contracts';
import { trainingProblems } from '@outcomes/domain';
import { todayLocal } from '../common/dates';
import { ruleMessages } from '../volunteers/rule-messages';

type FormData = Record<string, unknown>;

const textOrNull = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

function fields(data: FormData): FormData {
  return {
    kind: data['kind'],
    title: data['title'],
    completedOn: data['completedOn'],
    trainer: textOrNull(data['trainer']),
    certificateRef: textOrNull(data['certificateRef']),
    renewsOn: textOrNull(data['renewsOn']),
  };
}

/** POST /api/trainings. */
export const toTrainingCreateBody = (data: FormData): FormData => ({ volunteerId: data['volunteerId'], ...fields(data) });

/** PUT /api/trainings/:id: a training stays with its volunteer. */
export const toTrainingUpdateBody = (data: FormData): FormData => ({ ...fields(data), version: data['version'] });

/** The form checks the domain's date rules before saving (the API checks them again). */
export function validateTraining(data: FormData, today: string = todayLocal()): Record<string, string> {
  const completedOn = data['completedOn'];
  if (typeof completedOn !== 'string' || completedOn === '') return {};
  return ruleMessages(trainingProblems({ kind: data['kind'] as TrainingKind, completedOn, renewsOn: textOrNull(data['renewsOn']) }, today));
}
