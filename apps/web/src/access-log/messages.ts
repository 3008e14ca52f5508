import type { FeatureMessages } from '../i18n/feature-messages';

/** What the access log shows of a row's content: the citizens it carried, a change, a search's criterion, a view's requests. */
export const accessLogMessages: FeatureMessages = {
  da: {
    app: {
      access_log: {
        citizens_count: '%{smart_count} borger |||| %{smart_count} borgere',
        requests: '%{smart_count} forespørgsel |||| %{smart_count} forespørgsler',
        view_hint: 'Én visning af borgerens side tæller som én læsning; tallet viser, hvor mange forespørgsler den bestod af.',
        words: '%{smart_count} ord |||| %{smart_count} ord',
        cpr_searched: 'CPR-nummer',
      },
    },
    resources: {
      'access-log': {
        fields: {
          citizenIds: 'Borgere',
          change: 'Før → efter',
          requests: 'Forespørgsler',
        },
      },
    },
  },
  en: {
    app: {
      access_log: {
        citizens_count: '%{smart_count} citizen |||| %{smart_count} citizens',
        requests: '%{smart_count} request |||| %{smart_count} requests',
        view_hint: 'One view of the citizen’s page counts as one read; the number shows how many requests it was.',
        words: '%{smart_count} word |||| %{smart_count} words',
        cpr_searched: 'CPR number',
      },
    },
    resources: {
      'access-log': {
        fields: {
          citizenIds: 'Citizens',
          change: 'Before → after',
          requests: 'Requests',
        },
      },
    },
  },
};
