import type { AsiItemValue, Assessment, Timepoint } from '@outcomes/contracts';
import type { AsiAnswer, AsiItemType } from '@outcomes/domain';
import { ASI_ITEM_BY_CODE, ASI_ITEMS, asiAnswerErrors } from '@outcomes/domain';

/**
 * Each item as the form holds it: the text typed or the choice made ('' = not answered). Choices are
 * the API's own values as text ('0', '1', 'N', 'no', 'indifferent', 'yes').
 */
export type FormItems = Record<string, string>;

export interface AssessmentFormValues {
  enrolmentId: string;
  timepoint: Timepoint;
  date: string;
  items: FormItems;
  version?: number;
}

const NUMERIC_TYPES: readonly AsiItemType[] = ['days', 'rating', 'yesno', 'severity'];

// An amount in whole kroner or with up to two decimals. "8.000" is refused rather than guessed: in
// Danish it means eight thousand, in English eight.
const AMOUNT = /^\d+([.,]\d{1,2})?$/;

/**
 * The answer the API and scoreAsi take for what was typed: null when blank, a number when the text
 * is one, else the text itself, which asiAnswerErrors then reports as breaking the item's rule.
 */
export function toAnswer(type: AsiItemType, raw: string | undefined): AsiAnswer {
  const text = (raw ?? '').replace(/\s+/g, '');
  if (text === '') return null;
  if (NUMERIC_TYPES.includes(type)) return /^\d+$/.test(text) ? Number(text) : text;
  if (type === 'money') return AMOUNT.test(text) ? Number(text.replace(',', '.')) : text;
  if (type === 'relationship') return text === '0' || text === '1' ? Number(text) : text;
  return text;
}

/** Every item of the form as an answer (blank ones as null), for the live preview. */
export function toAnswers(items: FormItems | undefined): Record<string, AsiAnswer> {
  return Object.fromEntries(ASI_ITEMS.map((item) => [item.code, toAnswer(item.type, items?.[item.code])]));
}

/** The translation key of an item's rule when what was typed breaks it; the rule is asiAnswerErrors'. */
export function itemError(code: string, raw: string | undefined): string | undefined {
  const item = ASI_ITEM_BY_CODE.get(code);
  if (!item) return undefined;
  return asiAnswerErrors({ [code]: toAnswer(item.type, raw) })[code] ? `resources.assessments.rules.${item.type}` : undefined;
}

/** The answered items only: an item left blank is not sent (the API reads absent as not answered). */
export function toApiItems(items: FormItems | undefined): Record<string, AsiItemValue> {
  return Object.fromEntries(Object.entries(toAnswers(items)).filter(([, answer]) => answer !== null));
}

/** A stored assessment's items as the form shows them. */
export function toFormItems(items: Record<string, AsiItemValue> | undefined): FormItems {
  return Object.fromEntries(ASI_ITEMS.map((item) => [item.code, items?.[item.code] === null || items?.[item.code] === undefined ? '' : String(items[item.code])]));
}

/** POST /api/assessments; the interviewer is left to the API: the signed-in staff member. */
export const toCreateBody = (values: AssessmentFormValues) => ({
  enrolmentId: values.enrolmentId,
  timepoint: values.timepoint,
  date: values.date,
  items: toApiItems(values.items),
});

/** PUT /api/assessments/:id takes the date, the items and the version; the rest is fixed at creation. */
export const toUpdateBody = (values: AssessmentFormValues) => ({
  date: values.date,
  items: toApiItems(values.items),
  version: values.version,
});

/** What the edit form starts from. */
export const toFormValues = (assessment: Assessment): AssessmentFormValues => ({
  enrolmentId: assessment.enrolmentId,
  timepoint: assessment.timepoint,
  date: assessment.date,
  items: toFormItems(assessment.items),
  version: assessment.version,
});
