/**
 * The ASI-5 items the composite scores and the drug-free status use, as data: code, domain, answer
 * type and Danish/English labels. Codes follow the VistA numbering that docs/asi-scoring.md cites.
 */

export const ASI_DOMAINS = ['medical', 'employment', 'alcohol', 'drug', 'legal', 'family', 'psychiatric'] as const;
export type AsiDomain = (typeof ASI_DOMAINS)[number];

/**
 * days: 0-30 whole days; rating: 0-4; yesno: 0 or 1; money: a non-negative amount;
 * satisfaction: F3 ('no' | 'indifferent' | 'yes'); relationship: 0, 1 or 'N' (no such relationship);
 * severity: the interviewer's 0-9 rating (stored, in no composite).
 */
export type AsiItemType = 'days' | 'rating' | 'yesno' | 'money' | 'satisfaction' | 'relationship' | 'severity';

export interface AsiItem {
  code: string;
  domain: AsiDomain;
  type: AsiItemType;
  da: string;
  en: string;
}

const item = (code: string, domain: AsiDomain, type: AsiItemType, da: string, en: string): AsiItem => ({ code, domain, type, da, en });

export const ASI_ITEMS: readonly AsiItem[] = [
  item('M6', 'medical', 'days', 'Dage med fysiske helbredsproblemer (30 dage)', 'Days with medical problems (past 30 days)'),
  item('M7', 'medical', 'rating', 'Hvor generet af fysiske problemer', 'How troubled by medical problems'),
  item('M8', 'medical', 'rating', 'Hvor vigtig er behandling for dem', 'Importance of treatment for them'),
  item('M_SEV', 'medical', 'severity', 'Interviewerens vurdering: helbred', "Interviewer's severity rating: medical"),

  item('E4', 'employment', 'yesno', 'Gyldigt kørekort', "Valid driver's licence"),
  item('E5', 'employment', 'yesno', 'Bil til rådighed', 'Car available'),
  item('E11', 'employment', 'days', 'Dage med lønnet arbejde (30 dage)', 'Days paid for working (past 30 days)'),
  item('E12', 'employment', 'money', 'Indtægt fra arbejde (30 dage)', 'Employment income (past 30 days)'),
  item('E17', 'legal', 'money', 'Ulovlig indtægt (30 dage)', 'Illegal income (past 30 days)'),
  item('E_SEV', 'employment', 'severity', 'Interviewerens vurdering: beskæftigelse', "Interviewer's severity rating: employment"),

  item('D1', 'alcohol', 'days', 'Dage med alkohol', 'Days of any alcohol use'),
  item('D2', 'alcohol', 'days', 'Dage med alkohol til beruselse', 'Days of alcohol to intoxication'),
  item('D26', 'alcohol', 'days', 'Dage med alkoholproblemer', 'Days with alcohol problems'),
  item('D28', 'alcohol', 'rating', 'Hvor generet af alkoholproblemer', 'How troubled by alcohol problems'),
  item('D30', 'alcohol', 'rating', 'Vigtighed af alkoholbehandling', 'Importance of alcohol treatment'),
  item('D23', 'alcohol', 'money', 'Penge brugt på alkohol (30 dage)', 'Money spent on alcohol (past 30 days)'),
  item('A_SEV', 'alcohol', 'severity', 'Interviewerens vurdering: alkohol', "Interviewer's severity rating: alcohol"),

  item('D3', 'drug', 'days', 'Dage med heroin', 'Days of heroin'),
  item('D4', 'drug', 'days', 'Dage med metadon', 'Days of methadone'),
  item('D5', 'drug', 'days', 'Dage med andre opioider', 'Days of other opiates/analgesics'),
  item('D6', 'drug', 'days', 'Dage med barbiturater', 'Days of barbiturates'),
  item('D7', 'drug', 'days', 'Dage med andre sedativer', 'Days of other sedatives/hypnotics/tranquillisers'),
  item('D8', 'drug', 'days', 'Dage med kokain', 'Days of cocaine'),
  item('D9', 'drug', 'days', 'Dage med amfetamin', 'Days of amphetamines'),
  item('D10', 'drug', 'days', 'Dage med hash/cannabis', 'Days of cannabis'),
  item('D11', 'drug', 'days', 'Dage med hallucinogener', 'Days of hallucinogens'),
  item('D12', 'drug', 'days', 'Dage med opløsningsmidler', 'Days of inhalants'),
  item('D13', 'drug', 'days', 'Dage med mere end ét stof', 'Days of more than one substance'),
  item('D27', 'drug', 'days', 'Dage med stofproblemer', 'Days with drug problems'),
  item('D29', 'drug', 'rating', 'Hvor generet af stofproblemer', 'How troubled by drug problems'),
  item('D31', 'drug', 'rating', 'Vigtighed af stofbehandling', 'Importance of drug treatment'),
  item('D4_PRESCRIBED', 'drug', 'yesno', 'Metadon er ordineret substitutionsbehandling', 'Methadone is prescribed substitution treatment'),
  item('D5_PRESCRIBED', 'drug', 'yesno', 'Andre opioider er ordineret substitutionsbehandling', 'Other opiates are prescribed substitution treatment'),
  item('D_SEV', 'drug', 'severity', 'Interviewerens vurdering: stoffer', "Interviewer's severity rating: drugs"),

  item('L24', 'legal', 'yesno', 'Afventer sigtelse, dom eller afsoning', 'Awaiting charges, trial or sentence'),
  item('L27', 'legal', 'days', 'Dage med kriminalitet for vinding', 'Days of illegal activity for profit'),
  item('L28', 'legal', 'rating', 'Hvor alvorlige er de juridiske problemer', 'Seriousness of legal problems'),
  item('L29', 'legal', 'rating', 'Vigtighed af juridisk rådgivning', 'Importance of legal counselling'),
  item('L_SEV', 'legal', 'severity', 'Interviewerens vurdering: kriminalitet', "Interviewer's severity rating: legal"),

  item('F3', 'family', 'satisfaction', 'Tilfreds med boligsituationen', 'Satisfied with living situation'),
  item('F18', 'family', 'relationship', 'Alvorlige problemer med mor', 'Serious problems with mother'),
  item('F19', 'family', 'relationship', 'Alvorlige problemer med far', 'Serious problems with father'),
  item('F20', 'family', 'relationship', 'Alvorlige problemer med søskende', 'Serious problems with siblings'),
  item('F21', 'family', 'relationship', 'Alvorlige problemer med partner', 'Serious problems with partner'),
  item('F22', 'family', 'relationship', 'Alvorlige problemer med børn', 'Serious problems with children'),
  item('F23', 'family', 'relationship', 'Alvorlige problemer med anden familie', 'Serious problems with other family'),
  item('F24', 'family', 'relationship', 'Alvorlige problemer med nære venner', 'Serious problems with close friends'),
  item('F25', 'family', 'relationship', 'Alvorlige problemer med naboer', 'Serious problems with neighbours'),
  item('F26', 'family', 'relationship', 'Alvorlige problemer med kolleger', 'Serious problems with co-workers'),
  item('F30', 'family', 'days', 'Dage med alvorlig konflikt med familien', 'Days of serious conflict with family'),
  item('F32', 'family', 'rating', 'Hvor generet af familieproblemer', 'How troubled by family problems'),
  item('F34', 'family', 'rating', 'Vigtighed af hjælp til familieproblemer', 'Importance of help with family problems'),
  item('F_SEV', 'family', 'severity', 'Interviewerens vurdering: familie/socialt', "Interviewer's severity rating: family/social"),

  item('P3', 'psychiatric', 'yesno', 'Alvorlig depression', 'Serious depression'),
  item('P4', 'psychiatric', 'yesno', 'Alvorlig angst eller spænding', 'Serious anxiety or tension'),
  item('P5', 'psychiatric', 'yesno', 'Hallucinationer', 'Hallucinations'),
  item('P6', 'psychiatric', 'yesno', 'Problemer med at koncentrere sig eller huske', 'Trouble understanding, concentrating or remembering'),
  item('P7', 'psychiatric', 'yesno', 'Problemer med at styre voldelig adfærd', 'Trouble controlling violent behaviour'),
  item('P8', 'psychiatric', 'yesno', 'Alvorlige selvmordstanker', 'Serious thoughts of suicide'),
  item('P9', 'psychiatric', 'yesno', 'Selvmordsforsøg', 'Attempted suicide'),
  item('P10', 'psychiatric', 'yesno', 'Ordineret psykofarmaka', 'Prescribed medication for psychological problems'),
  item('P11', 'psychiatric', 'days', 'Dage med psykiske problemer', 'Days with psychological problems'),
  item('P12', 'psychiatric', 'rating', 'Hvor generet af psykiske problemer', 'How troubled by psychological problems'),
  item('P13', 'psychiatric', 'rating', 'Vigtighed af behandling for psykiske problemer', 'Importance of treatment for psychological problems'),
  item('P_SEV', 'psychiatric', 'severity', 'Interviewerens vurdering: psykisk', "Interviewer's severity rating: psychiatric"),
];

export const ASI_ITEM_BY_CODE: ReadonlyMap<string, AsiItem> = new Map(ASI_ITEMS.map((i) => [i.code, i]));
