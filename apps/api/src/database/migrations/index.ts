import { Init1795610101558 } from './1795610101558-Init';
import { ProgrammeCatalogue1795610200000 } from './1795610200000-ProgrammeCatalogue';
import { Identity1795610830596 } from './1795610830596-Identity';
import { TenantIsolation1795610900000 } from './1795610900000-TenantIsolation';
import { Citizens1795612025962 } from './1795612025962-Citizens';
import { CitizensTenancy1795612100000 } from './1795612100000-CitizensTenancy';
import { Sessions1795612826799 } from './1795612826799-Sessions';
import { SessionsTenancy1795612900000 } from './1795612900000-SessionsTenancy';
import { Groups1795613259066 } from './1795613259066-Groups';
import { GroupsTenancy1795613300000 } from './1795613300000-GroupsTenancy';
import { StandingGroups1795613434366 } from './1795613434366-StandingGroups';
import { Outreach1795613512760 } from './1795613512760-Outreach';
import { OutreachTenancy1795613600000 } from './1795613600000-OutreachTenancy';
import { Assessments1795613813614 } from './1795613813614-Assessments';
import { AssessmentsTenancy1795614000000 } from './1795614000000-AssessmentsTenancy';
import { Volunteers1795614039309 } from './1795614039309-Volunteers';
import { VolunteersTenancy1795614400000 } from './1795614400000-VolunteersTenancy';
import { Outcomes1795614467812 } from './1795614467812-Outcomes';
import { PublishedResults1795614800000 } from './1795614800000-PublishedResults';
import { Exports1795619300330 } from './1795619300330-Exports';
import { ExportsTenancy1795619400000 } from './1795619400000-ExportsTenancy';
import { ListAndReportIndexes1795620564286 } from './1795620564286-ListAndReportIndexes';
import { ExportChunkAppend1795621000000 } from './1795621000000-ExportChunkAppend';
import { AccessLogReserve1795622000000 } from './1795622000000-AccessLogReserve';
import { CitizenListIndex1795631563509 } from './1795631563509-CitizenListIndex';
import { NationalAuthority1795640000000 } from './1795640000000-NationalAuthority';
import { NationalAuthorityTenancy1795640100000 } from './1795640100000-NationalAuthorityTenancy';
import { AccessLogRetentionLock1795641000000 } from './1795641000000-AccessLogRetentionLock';
import { AccessLogContent1795642000000 } from './1795642000000-AccessLogContent';
import { LoginDelay1795643000000 } from './1795643000000-LoginDelay';
import { ReferencesStayInMunicipality1795644000000 } from './1795644000000-ReferencesStayInMunicipality';
import { ProgrammeReferencesStayInMunicipality1795644100000 } from './1795644100000-ProgrammeReferencesStayInMunicipality';
import { DisclosureControl1795650000000 } from './1795650000000-DisclosureControl';
import { DisclosureControlTenancy1795650100000 } from './1795650100000-DisclosureControlTenancy';
import { ExportDisclosure1795651000000 } from './1795651000000-ExportDisclosure';
import { NotesNeverLost1796518036028 } from './1796518036028-NotesNeverLost';
import { NotesNeverLostTenancy1796518100000 } from './1796518100000-NotesNeverLostTenancy';
import { CaseRequests1796518257862 } from './1796518257862-CaseRequests';
import { CaseRequestsTenancy1796518257900 } from './1796518257900-CaseRequestsTenancy';
import { YouthConsent1796518960020 } from './1796518960020-YouthConsent';
import { YouthConsentTenancy1796518960100 } from './1796518960100-YouthConsentTenancy';
import { TreatmentPlans1796520140638 } from './1796520140638-TreatmentPlans';
import { TreatmentPlansTenancy1796520200000 } from './1796520200000-TreatmentPlansTenancy';
import { AnonymousTreatment1796530142094 } from './1796530142094-AnonymousTreatment';
import { RegisterReadiness1796530148248 } from './1796530148248-RegisterReadiness';
import { RegisterEndStatusCodes1796530148300 } from './1796530148300-RegisterEndStatusCodes';
import { ConsentByPurpose1796541139278 } from './1796541139278-ConsentByPurpose';
import { ConsentByPurposeTenancy1796541139300 } from './1796541139300-ConsentByPurposeTenancy';
import { Referrals1796541197698 } from './1796541197698-Referrals';
import { ReferralsTenancy1796541197800 } from './1796541197800-ReferralsTenancy';
import { Retention1796541162735 } from './1796541162735-Retention';
import { RetentionTenancy1796541200100 } from './1796541200100-RetentionTenancy';
import { EmergencyAccess1796541177031 } from './1796541177031-EmergencyAccess';
import { Handovers1796541300100 } from './1796541300100-Handovers';
import { HandoversTenancy1796541300150 } from './1796541300150-HandoversTenancy';
import { EmergencyAccessTenancy1796541200200 } from './1796541200200-EmergencyAccessTenancy';
import { TreatmentProviders1796541300000 } from './1796541300000-TreatmentProviders';
import { TreatmentProvidersTenancy1796541300001 } from './1796541300001-TreatmentProvidersTenancy';

/** Every migration in order; a committed migration is never edited, only followed by a new one. */
import { CitizenMerges1796541117585 } from './1796541117585-CitizenMerges';
import { CitizenMergesTenancy1796541200000 } from './1796541200000-CitizenMergesTenancy';
import { EmergencyAccessRefusedLog1796541300200 } from './1796541300200-EmergencyAccessRefusedLog';
import { CrossMunicipalityGuards1796541300300 } from './1796541300300-CrossMunicipalityGuards';
import { AccessLogChains1796541400100 } from './1796541400100-AccessLogChains';
import { ReferralProgressAsi1796541300201 } from './1796541300201-ReferralProgressAsi';
import { SharedReadIndexable1796541400900 } from './1796541400900-SharedReadIndexable';
import { ApiTokens1796541400300 } from './1796541400300-ApiTokens';
import { ApiTokensTenancy1796541400301 } from './1796541400301-ApiTokensTenancy';
import { ApiTokenGuards1796541400901 } from './1796541400901-ApiTokenGuards';
import { Imports1796541401200 } from './1796541401200-Imports';
import { ImportsTenancy1796541401201 } from './1796541401201-ImportsTenancy';
import { ApiTokenEndsWithPassword1796541401300 } from './1796541401300-ApiTokenEndsWithPassword';
import { WritesFollowMerge1796541401500 } from './1796541401500-WritesFollowMerge';
import { ImportUploadsExpire1796541401501 } from './1796541401501-ImportUploadsExpire';
import { RetainedOutcomeReports1796541401600 } from './1796541401600-RetainedOutcomeReports';
import { RetainedOutcomeReportsTenancy1796541401601 } from './1796541401601-RetainedOutcomeReportsTenancy';
import { ConsentSharedRead1796541401700 } from './1796541401700-ConsentSharedRead';
import { AccessLogEveryChain1796541401701 } from './1796541401701-AccessLogEveryChain';
import { AccessLogExpect1796541401800 } from './1796541401800-AccessLogExpect';
import { AccessLogExpectWaits1796541401900 } from './1796541401900-AccessLogExpectWaits';
export const MIGRATIONS = [Init1795610101558, ProgrammeCatalogue1795610200000, Identity1795610830596, TenantIsolation1795610900000, Citizens1795612025962, CitizensTenancy1795612100000,
  Sessions1795612826799, SessionsTenancy1795612900000,
  Groups1795613259066, GroupsTenancy1795613300000, StandingGroups1795613434366,
  Outreach1795613512760, OutreachTenancy1795613600000,
  Assessments1795613813614, AssessmentsTenancy1795614000000,
  Volunteers1795614039309, VolunteersTenancy1795614400000,
  Outcomes1795614467812, PublishedResults1795614800000,
  Exports1795619300330, ExportsTenancy1795619400000,
  ListAndReportIndexes1795620564286, ExportChunkAppend1795621000000, AccessLogReserve1795622000000, CitizenListIndex1795631563509,
  NationalAuthority1795640000000, NationalAuthorityTenancy1795640100000, AccessLogRetentionLock1795641000000,
  AccessLogContent1795642000000,
  LoginDelay1795643000000, ReferencesStayInMunicipality1795644000000, ProgrammeReferencesStayInMunicipality1795644100000,
  DisclosureControl1795650000000, DisclosureControlTenancy1795650100000,
  ExportDisclosure1795651000000,
  NotesNeverLost1796518036028, NotesNeverLostTenancy1796518100000,
  CaseRequests1796518257862, CaseRequestsTenancy1796518257900,
  YouthConsent1796518960020, YouthConsentTenancy1796518960100,
  TreatmentPlans1796520140638, TreatmentPlansTenancy1796520200000,
  AnonymousTreatment1796530142094,
  RegisterReadiness1796530148248, RegisterEndStatusCodes1796530148300,
  CitizenMerges1796541117585, ConsentByPurpose1796541139278, ConsentByPurposeTenancy1796541139300, Retention1796541162735, Referrals1796541197698, ReferralsTenancy1796541197800,
  EmergencyAccess1796541177031,
  CitizenMergesTenancy1796541200000, RetentionTenancy1796541200100, EmergencyAccessTenancy1796541200200,
  TreatmentProviders1796541300000, TreatmentProvidersTenancy1796541300001,
  Handovers1796541300100, HandoversTenancy1796541300150,
  EmergencyAccessRefusedLog1796541300200, ReferralProgressAsi1796541300201,
  CrossMunicipalityGuards1796541300300,
  AccessLogChains1796541400100, ApiTokens1796541400300, ApiTokensTenancy1796541400301,
  SharedReadIndexable1796541400900, ApiTokenGuards1796541400901,
  Imports1796541401200, ImportsTenancy1796541401201, ApiTokenEndsWithPassword1796541401300,
  WritesFollowMerge1796541401500, ImportUploadsExpire1796541401501,
  RetainedOutcomeReports1796541401600, RetainedOutcomeReportsTenancy1796541401601,
  ConsentSharedRead1796541401700, AccessLogEveryChain1796541401701,
  AccessLogExpect1796541401800, AccessLogExpectWaits1796541401900];
