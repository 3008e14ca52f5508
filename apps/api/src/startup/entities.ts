import { CentreEntity } from '../municipalities/centre.entity';
import { MunicipalityEntity } from '../municipalities/municipality.entity';
import { ProgrammeEntity } from '../programmes/programme.entity';
import { SeedRunEntity } from './seed-run.entity';
import { AccessLogAnchorEntity, AccessLogChainAnchorEntity, AccessLogEntity, AccessLogSplitEntity } from '../audit/access-log.entity';
import { UserEntity } from '../users/user.entity';
import { EvaluatorGrantEntity } from '../grants/evaluator-grant.entity';
import { CitizenEntity } from '../citizens/citizen.entity';
import { TreatmentSessionEntity } from '../sessions/session.entity';
import { NoteVersionEntity } from '../notes/note-version.entity';
import { TreatmentPlanRevisionEntity } from '../treatment-plans/treatment-plan.entity';
import { OutreachContactEntity } from '../outreach/outreach-contact.entity';
import { PublishedResultEntity } from '../outcomes/published-result.entity';
import { ReportQueryEntity } from '../outcomes/report-query.entity';
import { FacilitationEntity, MeetingFacilitatorEntity, OrganisationEntity, TrainingEntity, VolunteerEntity } from '../volunteers/volunteer.entity';
import { AssessmentEntity, AssessmentRevisionEntity, FollowUpAttemptEntity } from '../assessments/assessment.entity';
import { GroupAttendanceEntity, GroupEntity, GroupMeetingEntity, GroupMemberEntity } from '../groups/group.entity';
import { EnrolmentEntity, EnrolmentTransitionEntity } from '../enrolments/enrolment.entity';
import { CaseDecisionEntity, CaseRequestEntity } from '../case-requests/case-request.entity';
import { ReferralEntity } from '../referrals/referral.entity';
import { TreatmentProviderEntity } from '../treatment-providers/treatment-provider.entity';
import { YouthConsentEntity } from '../enrolments/youth-consent.entity';
import { CitizenConsentEntity, ConsentPurposeEntity } from '../consents/consent.entity';
import { RegisterEndStatusEntity } from '../enrolments/register-end-status.entity';
import { CitizenMergeEntity } from '../citizen-merges/citizen-merge.entity';
import { LegalHoldEntity } from '../retention/legal-hold.entity';
import { RetentionRunEntity } from '../retention/retention-run.entity';
import { RetainedOutcomeReportEntity } from '../outcomes/retained-outcome-report.entity';
import { EmergencyAccessEntity } from '../emergency-access/emergency-access.entity';
import { ApiTokenEntity } from '../api-tokens/api-token.entity';
import { HandoverEntity } from '../handovers/handover.entity';
import { ImportJobEntity, ImportMappingEntity } from '../imports/import.entities';
import { ExportFileChunkEntity, ExportJobEntity, ExportProjectEntity } from '../exports/export.entities';

/** Every entity, listed by hand: the bundle has no file globbing, and a list is easy to review. */
export const ENTITIES = [MunicipalityEntity, CentreEntity, ProgrammeEntity, SeedRunEntity, UserEntity, EvaluatorGrantEntity, AccessLogEntity, AccessLogAnchorEntity, AccessLogSplitEntity, AccessLogChainAnchorEntity, CitizenEntity, EnrolmentEntity, EnrolmentTransitionEntity, YouthConsentEntity, TreatmentSessionEntity, CaseRequestEntity, CaseDecisionEntity, TreatmentProviderEntity, ReferralEntity,
  GroupEntity, GroupMemberEntity, GroupMeetingEntity, GroupAttendanceEntity, OutreachContactEntity,
  AssessmentEntity, AssessmentRevisionEntity, FollowUpAttemptEntity,
  OrganisationEntity, VolunteerEntity, TrainingEntity, FacilitationEntity, MeetingFacilitatorEntity, PublishedResultEntity,
  ExportProjectEntity, ExportJobEntity, ExportFileChunkEntity, ReportQueryEntity,
  NoteVersionEntity, TreatmentPlanRevisionEntity, RegisterEndStatusEntity,
  ConsentPurposeEntity, CitizenConsentEntity, CitizenMergeEntity,
  // Retention (issue 22)
  LegalHoldEntity, RetentionRunEntity, RetainedOutcomeReportEntity,
  // Emergency access (issue 22)
  EmergencyAccessEntity, HandoverEntity, ApiTokenEntity,
  // Import (issue 24)
  ImportJobEntity, ImportMappingEntity];
