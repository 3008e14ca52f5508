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
import { municipalityMessages } from '../municipalities/messages';
import { centreMessages } from '../centres/messages';
import { programmeMessages } from '../programmes/messages';
import { userMessages } from '../users/messages';
import { citizenMessages } from '../citizens/messages';
import { enrolmentMessages } from '../enrolments/messages';
import { sessionMessages } from '../sessions/messages';
import { caseRequestMessages } from '../case-requests/messages';
import { registerMessages } from '../register/messages';
import { retentionMessages } from '../retention/messages';
import { citizenAccessReportMessages } from '../citizen-access-reports/messages';
import { treatmentPlanMessages } from '../treatment-plans/messages';
import { consentMessages } from '../consents/messages';
import { citizenMergeMessages } from '../citizen-merges/messages';
import { referralMessages } from '../referrals/messages';
import { emergencyAccessMessages } from '../emergency-access/messages';
import { apiTokenMessages } from '../api-tokens/messages';
import { treatmentProviderMessages } from '../treatment-providers/messages';
import { handoverMessages } from '../handovers/messages';
import { importMessages } from '../imports/messages';

/**
 * One way for messages: every feature folder keeps its own Danish and English texts beside its
 * screens (a `messages.ts` exporting `{ da, en }`: its `resources.<name>` and `app.<feature>` keys).
 * da.ts and en.ts hold only react-admin's own strings and the words every screen shares (the
 * application's name, roles, sign-in, notifications, validation, helper texts, languages). The
 * features are merged into them here; i18n.spec.ts checks the result.
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
  municipalityMessages,
  centreMessages,
  programmeMessages,
  userMessages,
  citizenMessages,
  enrolmentMessages,
  sessionMessages,
  caseRequestMessages,
  registerMessages,
  retentionMessages,
  citizenAccessReportMessages,
  treatmentPlanMessages,
  consentMessages,
  citizenMergeMessages,
  referralMessages,
  emergencyAccessMessages,
  treatmentProviderMessages,
  handoverMessages,
  apiTokenMessages,
  importMessages,
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
