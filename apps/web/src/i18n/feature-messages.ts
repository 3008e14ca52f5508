import type { TranslationMessages } from 'react-admin';
import { assessmentMessages } from '../assessments/messages';
import { worklistMessages } from '../worklist/messages';
import { coordinatorDashboardMessages } from '../coordinator-dashboard/messages';
import { groupMessages } from '../groups/messages';
import { organisationMessages } from '../organisations/messages';
import { trainingMessages } from '../trainings/messages';
import { volunteerMessages } from '../volunteers/messages';
import { exportsMessages } from '../exports/messages';
import { outcomesMessages } from '../outcomes/messages';
import { accessLogMessages } from '../access-log/messages';
import { grantMessages } from '../grants/messages';
import { outreachMessages } from '../outreach/messages';
import { commonMessages } from '../common/messages';
import { accessibilityMessages } from '../accessibility/messages';

/**
 * A feature folder may keep its own Danish and English messages beside its screens (a
 * `messages.ts` exporting `{ da, en }`), so that adding a screen does not mean editing the two
 * large message files. They are merged into da.ts and en.ts here; i18n.spec.ts checks the result.
 */
export interface FeatureMessages {
  da: Partial<TranslationMessages>;
  en: Partial<TranslationMessages>;
}

export const FEATURE_MESSAGES: FeatureMessages[] = [
  assessmentMessages,
  worklistMessages,
  groupMessages,
  organisationMessages,
  volunteerMessages,
  trainingMessages,
  coordinatorDashboardMessages,
  outcomesMessages,
  exportsMessages,
  accessLogMessages,
  grantMessages,
  outreachMessages,
  commonMessages,
  accessibilityMessages,
];

type Tree = { [key: string]: unknown };

const isTree = (value: unknown): value is Tree => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Deep merge; a key defined twice with two different texts is a mistake and throws. */
export function mergeMessages<T extends Tree>(base: T, ...extras: Tree[]): T {
  const merge = (into: Tree, from: Tree, path: string): Tree => {
    const out: Tree = { ...into };
    for (const [key, value] of Object.entries(from)) {
      const existing = out[key];
      const where = path ? `${path}.${key}` : key;
      if (isTree(existing) && isTree(value)) out[key] = merge(existing, value, where);
      else if (existing === undefined || existing === value) out[key] = value;
      else throw new Error(`Translation key ${where} is defined twice`);
    }
    return out;
  };
  return extras.reduce<Tree>((acc, extra) => merge(acc, extra, ''), base) as T;
}
