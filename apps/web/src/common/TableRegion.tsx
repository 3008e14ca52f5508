import type { ReactNode } from 'react';
import { useResourceContext, useTranslate } from 'react-admin';
import { ScrollRegion } from './ScrollRegion';

/**
 * A list's table in its own scrolling region (WCAG 1.4.10: at 320 px the page never scrolls sideways),
 * named after the list (or `label`, a translation key) so a screen reader says what it holds.
 */
export const TableRegion = ({ children, label }: { children: ReactNode; label?: string }) => {
  const translate = useTranslate();
  const resource = useResourceContext();
  const name = label ? translate(label) : resource ? translate(`resources.${resource}.name`, { smart_count: 2, _: resource }) : undefined;
  return (
    <ScrollRegion label={name} testId="table-region">
      {children}
    </ScrollRegion>
  );
};
