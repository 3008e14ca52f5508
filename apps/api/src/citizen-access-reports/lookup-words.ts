import type { AccessAction, AccessReportLabel, ResourceName } from '@outcomes/contracts';

const ACTION: Record<AccessAction, AccessReportLabel> = {
  read: { da: 'Læst', en: 'Read' },
  search: { da: 'Vist i en liste eller søgning', en: 'Shown in a list or search' },
  create: { da: 'Oprettet', en: 'Created' },
  update: { da: 'Ændret', en: 'Changed' },
  delete: { da: 'Slettet', en: 'Deleted' },
  export: { da: 'Udtrukket', en: 'Exported' },
};

/** What each resource is, in the citizen's words; a resource not here is named by its path. */
const WHAT: Partial<Record<ResourceName, AccessReportLabel>> = {
  citizens: { da: 'dine stamdata', en: 'your personal details' },
  enrolments: { da: 'dit behandlingsforløb', en: 'your treatment course' },
  'youth-consents': { da: 'samtykker', en: 'consents' },
  sessions: { da: 'samtaler og notater', en: 'sessions and notes' },
  groups: { da: 'en gruppe, du er med i', en: 'a group you are in' },
  'group-meetings': { da: 'et gruppemøde', en: 'a group meeting' },
  'outreach-contacts': { da: 'opsøgende kontakt', en: 'outreach contact' },
  assessments: { da: 'udredning (ASI)', en: 'assessment (ASI)' },
  worklist: { da: 'behandlernes arbejdsliste', en: "the staff's worklist" },
  'case-requests': { da: 'din henvendelse og afgørelse', en: 'your request and decision' },
  register: { da: 'indberetning til Stofmisbrugsdatabasen', en: 'reporting to the national register' },
  'access-log': { da: 'logningen af opslag', en: 'the log of look-ups' },
  'citizen-access-reports': { da: 'din indsigt (denne rapport)', en: 'your access report (this report)' },
  'citizen-merges': { da: 'sammenlægning af dine journaler', en: 'the merging of your records' },
  referrals: { da: 'din henvisning til et andet behandlingssted', en: 'your referral to another treatment place' },
  retention: { da: 'sletning af dine oplysninger', en: 'the erasure of your data' },
  'legal-holds': { da: 'et retligt hold på dine oplysninger', en: 'a legal hold on your data' },
  'emergency-accesses': { da: 'din journal ved nødadgang fra en anden kommune', en: 'your record under emergency access by another municipality' },
  handovers: { da: 'overdragelse af din sag ved flytning', en: 'the hand-over of your case when you moved' },
  imports: { da: 'indlæsning af oplysninger fra en fil', en: 'data loaded from a file' },
  'coordinator-dashboard': { da: 'koordinatorens overblik', en: "the coordinator's overview" },
  users: { da: 'medarbejdernes brugere', en: "the staff's user accounts" },
  'evaluator-grants': { da: 'evaluatorers adgang', en: "evaluators' access" },
  volunteers: { da: 'frivillige', en: 'volunteers' },
  trainings: { da: 'frivilliges kurser', en: "volunteers' training" },
};

/** Why, by the resource's purpose: what the screen or route serves. */
const WHY: Partial<Record<ResourceName, AccessReportLabel>> = {
  citizens: { da: 'Sagsbehandling: din sag blev åbnet eller fundet', en: 'Casework: your case was opened or found' },
  enrolments: { da: 'Behandling: dit forløb blev fulgt eller ændret', en: 'Treatment: your course was followed or changed' },
  'youth-consents': { da: 'Behandling af unge: forældres og dit samtykke', en: "Young people's treatment: consents" },
  sessions: { da: 'Behandling: samtaler blev planlagt eller noteret', en: 'Treatment: sessions were planned or noted' },
  groups: { da: 'Gruppebehandling', en: 'Group treatment' },
  'group-meetings': { da: 'Gruppebehandling: fremmøde', en: 'Group treatment: attendance' },
  'outreach-contacts': { da: 'Opsøgende arbejde', en: 'Outreach work' },
  assessments: { da: 'Udredning og opfølgning', en: 'Assessment and follow-up' },
  worklist: { da: 'Planlægning af opfølgning', en: 'Planning follow-ups' },
  'case-requests': { da: 'Behandlingsgarantien og afgørelsen om behandling', en: 'The treatment guarantee and the decision on treatment' },
  register: { da: 'Lovpligtig indberetning til Danmarks Statistik', en: 'Reporting required by law to Statistics Denmark' },
  'access-log': { da: 'Kontrol af, hvem der har set oplysninger', en: 'Checking who has seen data' },
  'citizen-access-reports': { da: 'Din anmodning om indsigt (GDPR art. 15)', en: 'Your request for access (GDPR art. 15)' },
  'citizen-merges': { da: 'To journaler om dig blev lagt sammen eller skilt ad igen', en: 'Two records about you were merged or separated again' },
  referrals: { da: 'Frit valg af behandlingssted: henvisning og opfølgning', en: 'Free choice of treatment place: referral and follow-up' },
  retention: { da: 'Sletning efter opbevaringsreglerne', en: 'Erasure under the retention rules' },
  'legal-holds': { da: 'Oplysningerne skal bevares af retlige grunde', en: 'The data must be kept for legal reasons' },
  'emergency-accesses': { da: 'Akut behov i en anden kommune (nødadgang)', en: 'An urgent need in another municipality (emergency access)' },
  handovers: { da: 'Flytning: den nye kommune fortsætter din behandling', en: 'Moving: the new municipality continues your treatment' },
  imports: { da: 'Behandling: oplysninger fra et andet system blev indlæst', en: 'Treatment: data from another system was loaded' },
  'coordinator-dashboard': { da: 'Koordinering af behandlingen', en: 'Coordinating treatment' },
  users: { da: 'Administration af medarbejdere', en: 'Administering staff' },
  'evaluator-grants': { da: 'Administration af evalueringsadgang', en: 'Administering evaluation access' },
  volunteers: { da: 'Frivilligt arbejde', en: 'Volunteer work' },
  trainings: { da: 'Frivilligt arbejde: kurser', en: 'Volunteer work: training' },
};

/** Whether a resource has words of its own in both (a personal-data resource must: lookup-words.spec.ts). */
export function hasLookupWords(resource: string): boolean {
  return WHAT[resource as ResourceName] !== undefined && WHY[resource as ResourceName] !== undefined;
}

/**
 * A search's criterion (audit/search-criterion.ts: `{ fields, values }`, never the text) as the fields
 * searched by, in words: free text is told as a name or a CPR number by what the log kept of it.
 */
function searchedBy(criterion: string | null): AccessReportLabel[] {
  if (!criterion) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(criterion);
  } catch {
    return [];
  }
  if (!parsed || typeof parsed !== 'object' || !Array.isArray((parsed as { fields?: unknown }).fields)) return [];
  const { fields, values } = parsed as { fields: unknown[]; values?: Record<string, unknown> };
  return fields
    .filter((f): f is string => typeof f === 'string')
    .map((field) => {
      const value = values?.[field] as { cpr?: unknown; words?: unknown } | undefined;
      if (value && typeof value === 'object' && 'words' in value) return value.cpr === true ? { da: 'CPR-nummer', en: 'CPR number' } : { da: 'navn', en: 'name' };
      return { da: field, en: field };
    });
}

export function lookupWhat(action: AccessAction, resource: string): AccessReportLabel {
  const what = WHAT[resource as ResourceName] ?? { da: resource, en: resource };
  return { da: `${ACTION[action].da}: ${what.da}`, en: `${ACTION[action].en}: ${what.en}` };
}

export function lookupWhy(action: AccessAction, resource: string, criterion: string | null): AccessReportLabel {
  const why = WHY[resource as ResourceName] ?? { da: resource, en: resource };
  const fields = action === 'search' ? searchedBy(criterion) : [];
  if (fields.length === 0) return why;
  return { da: `${why.da} (søgt på: ${fields.map((f) => f.da).join(', ')})`, en: `${why.en} (searched by: ${fields.map((f) => f.en).join(', ')})` };
}
