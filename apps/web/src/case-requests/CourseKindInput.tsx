import { Typography } from '@mui/material';
import { COURSE_KINDS, DEFAULT_COURSE_KIND } from '@outcomes/contracts';
import type { Citizen } from '@outcomes/contracts';
import { useEffect } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { SelectInput, useGetOne, useTranslate } from 'react-admin';

export const COURSE_KIND_CHOICES = COURSE_KINDS.map((id) => ({ id, name: `app.caseRequests.courseKinds.${id}` }));

/**
 * The kind of course: § 101, or anonymous treatment (§ 101 a), which only a citizen registered
 * without a CPR number may have. For a citizen with one the choice is not offered (the API refuses it
 * too) and the kind stays § 101.
 */
export const CourseKindInput = () => {
  const translate = useTranslate();
  const citizenId = useWatch({ name: 'citizenId' }) as string | undefined;
  const { setValue } = useFormContext();
  const { data: citizen } = useGetOne<Citizen>('citizens', { id: citizenId ?? '' }, { enabled: Boolean(citizenId) });
  const withoutCpr = citizen !== undefined && citizen.cpr === null;
  useEffect(() => {
    if (citizen && !withoutCpr) setValue('courseKind', DEFAULT_COURSE_KIND);
  }, [citizen, withoutCpr, setValue]);
  if (!citizen) return null;
  if (!withoutCpr) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid="course-kind-cpr">
        {translate('app.caseRequests.courseKinds.sel-101')}
      </Typography>
    );
  }
  return <SelectInput source="courseKind" choices={COURSE_KIND_CHOICES} helperText="app.caseRequests.course_kind_hint" label="resources.case-requests.fields.courseKind" sx={{ minWidth: 320 }} />;
};
