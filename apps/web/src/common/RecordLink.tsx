import type { MouseEvent, ReactNode } from 'react';
import type { RaRecord } from 'react-admin';
import { Link, useDataTableCallbacksContext, useGetPathForRecord, useGetRecordRepresentation, useRecordContext, useResourceContext } from 'react-admin';
import { recordLinkType } from './record-link';

export interface RecordLinkProps<R extends RaRecord = RaRecord> {
  /** The field shown as the link's text (DataTable.Col's `field={RecordLink}` passes the column's source). */
  source?: string;
  /** The text from the record, where it is more than one field (a citizen's full name). */
  render?: (record: R) => ReactNode;
  /** What the link holds when it is a component of its own (a referenced citizen's name). */
  children?: ReactNode;
  /** Where to go, if not where the row's click goes. */
  link?: 'show' | 'edit' | false;
}

/**
 * The main cell of a list row as a real link to the record (WCAG 2.1.1): the row's click is for the
 * mouse, and a table row is nothing a keyboard reaches. Its text is the record's name, so a screen
 * reader's list of links reads as the list's records. Clicking it must not also fire the row's click
 * (two navigations, two history entries); ctrl- and middle-click open a tab as any link does.
 */
export const RecordLink = <R extends RaRecord = RaRecord>({ source, render, children, link }: RecordLinkProps<R>) => {
  const record = useRecordContext<R>();
  const resource = useResourceContext();
  const { rowClick } = useDataTableCallbacksContext();
  const type = recordLinkType(rowClick, link);
  const path = useGetPathForRecord({ record, resource, link: type });
  const representation = useGetRecordRepresentation(resource);
  if (!record) return null;
  const fieldValue: unknown = source ? (record as Record<string, unknown>)[source] : undefined;
  const text = children ?? (render ? render(record) : source ? (fieldValue === null || fieldValue === undefined ? '' : String(fieldValue)) : representation(record));
  if (!path) return <>{text}</>;
  return (
    <Link to={path} onClick={(event: MouseEvent) => event.stopPropagation()} data-testid="record-link">
      {text}
    </Link>
  );
};
