import {
  ACCESS_ACTIONS,
  ACCESS_OUTCOMES,
  ATTENDANCE,
  ATTESTATIONS,
  COMPOSITE_DOMAINS,
  ENROLMENT_STATES,
  EXPORT_DATASETS,
  EXPORT_FORMATS,
  EXPORT_JOB_STATUSES,
  PROGRAMME_FORMATS,
  PUBLISHED_POPULATIONS,
  ROLES,
  SEXES,
  TIMEPOINTS,
} from '@outcomes/contracts';
import { TRANSITIONS } from '@outcomes/domain';
import { LANGUAGES } from '../citizens/choices';
import { SESSION_KINDS } from '../sessions/session-kinds';

/** The resources the web app has screens for (App.tsx). */
const SCREEN_RESOURCES = ['municipalities', 'centres', 'programmes', 'users', 'access-log', 'citizens', 'enrolments', 'sessions', 'groups', 'group-meetings', 'outreach-contacts', 'assessments', 'organisations', 'volunteers', 'trainings', 'coordinator-dashboard', 'outcomes', 'export-projects', 'guarantee-figures', 'citizen-access-reports'];
import { da } from './da';
import { en } from './en';

type Tree = { [key: string]: Tree | string | undefined };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') {
      out.set(path, value);
    } else if (value !== undefined) {
      for (const [k, v] of flatten(value, path)) out.set(k, v);
    }
  }
  return out;
}

const placeholders = (text: string): string[] => (text.match(/%\{\w+\}/g) ?? []).sort();

describe('translations', () => {
  const english = flatten(en);
  const danish = flatten(da);

  it('has exactly the same keys in Danish and English', () => {
    expect([...danish.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('has every react-admin key in Danish', () => {
    expect([...english.keys()].filter((k) => k.startsWith('ra.')).length).toBeGreaterThanOrEqual(164);
  });

  it('has no empty Danish value', () => {
    expect([...danish].filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
  });

  it('uses no placeholder in Danish that English does not provide', () => {
    const unknown = [...danish].filter(([key, text]) => {
      const known = new Set(placeholders(english.get(key) ?? ''));
      return placeholders(text).some((p) => !known.has(p));
    });
    expect(unknown.map(([key]) => key)).toEqual([]);
  });

  it('keeps plural forms where English has them', () => {
    const plural = [...english].filter(([, text]) => text.includes('||||')).map(([key]) => key);
    expect(plural.filter((key) => !(danish.get(key) ?? '').includes('||||'))).toEqual([]);
  });

  it('names every programme format in both languages', () => {
    for (const format of PROGRAMME_FORMATS) {
      expect(english.get(`resources.programmes.formats.${format}`)).toBeTruthy();
      expect(danish.get(`resources.programmes.formats.${format}`)).toBeTruthy();
    }
  });

  it('names every role, resource, access-log action and outcome in both languages', () => {
    const keys = [
      ...ROLES.map((role) => `app.roles.${role}`),
      ...SCREEN_RESOURCES.map((resource) => `resources.${resource}.name`),
      ...ACCESS_ACTIONS.map((action) => `resources.access-log.actions.${action}`),
      ...ACCESS_OUTCOMES.map((outcome) => `resources.access-log.outcomes.${outcome}`),
    ];
    expect(keys.filter((key) => !english.get(key) || !danish.get(key))).toEqual([]);
  });

  it('names every enrolment state, state change, attestation, session kind, attendance, sex and language in both languages', () => {
    const targets = [...new Set(Object.values(TRANSITIONS).flat())];
    const keys = [
      ...ENROLMENT_STATES.map((state) => `resources.enrolments.states.${state}`),
      ...targets.map((state) => `resources.enrolments.transitions.${state}`),
      ...targets.filter((state) => state !== 'active').map((state) => `resources.enrolments.reason_hint.${state}`),
      ...ATTESTATIONS.map((attestation) => `resources.enrolments.attestations.${attestation}`),
      ...SESSION_KINDS.map((kind) => `resources.sessions.kinds.${kind}`),
      ...ATTENDANCE.map((attendance) => `resources.sessions.attendance.${attendance}`),
      ...SEXES.map((sex) => `resources.citizens.sexes.${sex}`),
      ...LANGUAGES.map((language) => `app.languages.${language}`),
    ];
    expect(keys.filter((key) => !english.get(key) || !danish.get(key))).toEqual([]);
  });

  it('names every timepoint, ASI domain, export data set, format and job status in both languages', () => {
    const keys = [
      ...TIMEPOINTS.flatMap((timepoint) => [
        `app.outcomes.timepoints.${timepoint}`,
        `app.outcomes.timepoints_in_sentence.${timepoint}`,
        `app.outcomes.benchmark.used.${timepoint}`,
      ]),
      ...PUBLISHED_POPULATIONS.map((population) => `app.outcomes.benchmark.population.${population}`),
      ...COMPOSITE_DOMAINS.map((domain) => `app.outcomes.domains.${domain}`),
      ...EXPORT_DATASETS.map((dataset) => `app.exports.datasets.${dataset}`),
      ...EXPORT_FORMATS.map((format) => `app.exports.formats.${format}`),
      ...EXPORT_JOB_STATUSES.map((status) => `app.exports.statuses.${status}`),
    ];
    expect(keys.filter((key) => !english.get(key) || !danish.get(key))).toEqual([]);
  });
});
