import { COUNTED_GROUP_ATTENDANCE, COUNTED_SESSION_ATTENDANCE } from '@outcomes/domain';

/**
 * libs/domain's attendance toward the protocol (attendance.ts), in SQL: the sessions attended plus the
 * group meetings attended as present, of the enrolment whose id is the SQL expression `enrolmentId`.
 * A session entered in error counts toward nothing (docs/domain.md, "Notes that are never lost").
 * The one SQL count behind the enrolment's progress (list and one) and the outcome report's retention;
 * two index probes (treatment_session_enrolment_starts, group_attendance_enrolment).
 */
export function attendedCountSql(enrolmentId: string): string {
  return `((SELECT count(*) FROM treatment_session s WHERE s.enrolment_id = ${enrolmentId} AND s.attendance = '${COUNTED_SESSION_ATTENDANCE}' AND s.entered_in_error_at IS NULL)
    + (SELECT count(*) FROM group_attendance ga WHERE ga.enrolment_id = ${enrolmentId} AND ga.status = '${COUNTED_GROUP_ATTENDANCE}'))::int`;
}
