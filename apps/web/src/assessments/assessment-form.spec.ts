import type { Assessment } from '@outcomes/contracts';
import { ASI_ITEMS, scoreAsi } from '@outcomes/domain';
import { itemError, toAnswer, toAnswers, toApiItems, toCreateBody, toFormItems, toFormValues, toUpdateBody } from './assessment-form';

describe('the assessment form', () => {
  it.each([
    ['days', '12', 12],
    ['days', ' 3 ', 3],
    ['days', '', null],
    ['days', '2.5', '2.5'],
    ['days', 'tre', 'tre'],
    ['rating', '4', 4],
    ['yesno', '0', 0],
    ['severity', '9', 9],
    ['money', '8000', 8000],
    ['money', '8 000', 8000],
    ['money', '8000,50', 8000.5],
    ['money', '8000.5', 8000.5],
    ['money', '8.000', '8.000'],
    ['money', '-5', '-5'],
    ['relationship', '1', 1],
    ['relationship', 'N', 'N'],
    ['satisfaction', 'indifferent', 'indifferent'],
  ] as const)('reads a %s item typed as "%s" as %p', (type, raw, answer) => {
    expect(toAnswer(type, raw)).toEqual(answer);
  });

  it.each([
    ['M6', '31', 'resources.assessments.rules.days'],
    ['M6', '2.5', 'resources.assessments.rules.days'],
    ['M7', '5', 'resources.assessments.rules.rating'],
    ['E4', '2', 'resources.assessments.rules.yesno'],
    ['E12', '8.000', 'resources.assessments.rules.money'],
    ['F18', 'X', 'resources.assessments.rules.relationship'],
    ['M_SEV', '10', 'resources.assessments.rules.severity'],
  ])('says which rule %s = "%s" breaks, as asiAnswerErrors does', (code, raw, key) => {
    expect(itemError(code, raw)).toBe(key);
  });

  it.each([
    ['M6', '30'],
    ['M6', ''],
    ['E12', '0'],
    ['F18', 'N'],
    ['F3', 'no'],
  ])('accepts %s = "%s"', (code, raw) => {
    expect(itemError(code, raw)).toBeUndefined();
  });

  it('sends only the answered items, as the numbers and codes the API takes', () => {
    expect(toApiItems({ M6: '9', M7: '', E12: '8000,50', F19: 'N', F3: 'yes', P3: '1' })).toEqual({ M6: 9, E12: 8000.5, F19: 'N', F3: 'yes', P3: 1 });
  });

  it('gives the preview every item, blank ones as not answered, so the scoring names what is missing', () => {
    const answers = toAnswers({ M6: '9', M7: '3' });
    expect(Object.keys(answers)).toHaveLength(ASI_ITEMS.length);
    expect(scoreAsi(answers).composites.medical).toEqual({ value: null, missing: ['M8'] });
    expect(scoreAsi(toAnswers({ M6: '9', M7: '3', M8: '2' })).composites.medical.value).toBeCloseTo(9 / 90 + 3 / 12 + 2 / 12, 12);
  });

  it('round-trips a stored assessment through the form unchanged', () => {
    const items = { M6: 9, E12: 8000.5, F3: 'indifferent', F19: 'N', P12: null };
    const stored = { enrolmentId: 'e1', timepoint: 'intake', date: '2026-05-01', items, version: 2 } as unknown as Assessment;
    const values = toFormValues(stored);
    expect(values.items['M7']).toBe('');
    expect(values.items['P12']).toBe('');
    expect(toUpdateBody(values)).toEqual({ date: '2026-05-01', items: { M6: 9, E12: 8000.5, F3: 'indifferent', F19: 'N' }, version: 2 });
    expect(toCreateBody(values)).toEqual({ enrolmentId: 'e1', timepoint: 'intake', date: '2026-05-01', items: toUpdateBody(values).items });
    expect(toFormItems(undefined)['M6']).toBe('');
  });
});
