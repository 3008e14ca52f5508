import type { CoordinatorFlag } from '@outcomes/contracts';
import { FACILITATOR_ROLES, GROUP_KINDS, TRAINING_KINDS, VOLUNTEER_STATUSES } from '@outcomes/contracts';
import { groupFlags } from '@outcomes/domain';
import { da } from '../i18n/da';
import { en } from '../i18n/en';

const lookup = (tree: unknown, key: string): unknown => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);

describe('the facilitation screens name every value in both languages', () => {
  // Every flag the domain rule can raise (none, one untrained, two untrained facilitators).
  const flags = new Set<CoordinatorFlag>([
    ...groupFlags([]),
    ...groupFlags([{ role: 'facilitator', trained: false }]),
    ...groupFlags([{ role: 'facilitator', trained: false }, { role: 'co-facilitator', trained: false }]),
  ]);
  const keys = [
    ...VOLUNTEER_STATUSES.map((status) => `app.volunteers.statuses.${status}`),
    ...TRAINING_KINDS.map((kind) => `app.trainings.kinds.${kind}`),
    ...FACILITATOR_ROLES.map((role) => `app.facilitation.roles.${role}`),
    ...GROUP_KINDS.map((kind) => `resources.groups.kinds.${kind}`),
    ...[...flags].flatMap((flag) => [`app.dashboard.flags.${flag}`, `app.dashboard.flag_hints.${flag}`]),
  ];

  it.each([
    ['Danish', da],
    ['English', en],
  ])('%s', (_language, messages) => {
    expect(flags.size).toBe(3);
    expect(keys.filter((key) => typeof lookup(messages, key) !== 'string')).toEqual([]);
  });
});
