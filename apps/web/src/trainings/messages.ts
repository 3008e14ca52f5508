import type { FeatureMessages } from '../i18n/feature-messages';

/** Training records: SMART facilitator training (with renewal) and other courses. */
export const trainingMessages: FeatureMessages = {
  da: {
    app: {
      trainings: {
        kinds: { 'smart-facilitator': 'SMART-facilitatoruddannelse', other: 'Andet kursus' },
        standing: 'Gyldighed',
        valid: 'Gyldig',
        expired: 'Udløbet',
        expires_soon: 'Udløber inden for %{days} dage',
        renewal_hint: 'Hvornår uddannelsen skal fornyes; tom, hvis den ikke udløber',
        default_title: 'SMART Recovery-facilitatoruddannelse',
      },
    },
    resources: {
      trainings: {
        name: 'Uddannelse |||| Uddannelser',
        forcedCaseName: 'uddannelse |||| uddannelser',
        fields: {
          volunteerId: 'Frivillig',
          kind: 'Type',
          title: 'Uddannelse eller kursus',
          completedOn: 'Gennemført',
          trainer: 'Underviser eller udbyder',
          certificateRef: 'Bevisnummer',
          renewsOn: 'Skal fornyes',
        },
      },
    },
  },
  en: {
    app: {
      trainings: {
        kinds: { 'smart-facilitator': 'SMART facilitator training', other: 'Other course' },
        standing: 'Validity',
        valid: 'Valid',
        expired: 'Expired',
        expires_soon: 'Expires within %{days} days',
        renewal_hint: 'When the training must be renewed; empty if it does not expire',
        default_title: 'SMART Recovery facilitator training',
      },
    },
    resources: {
      trainings: {
        name: 'Training |||| Trainings',
        forcedCaseName: 'training |||| trainings',
        fields: {
          volunteerId: 'Volunteer',
          kind: 'Kind',
          title: 'Training or course',
          completedOn: 'Completed',
          trainer: 'Trainer or provider',
          certificateRef: 'Certificate reference',
          renewsOn: 'Renewal due',
        },
      },
    },
  },
};
