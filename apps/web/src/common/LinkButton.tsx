import type { ReactNode } from 'react';
import { Button, LinkBase } from 'react-admin';

/**
 * A button that opens a page, with a record in the navigation state (a create form's preset). Unlike
 * react-admin's CreateButton it stays a labelled button on narrow screens instead of a floating one.
 */
export const LinkButton = ({
  to,
  state,
  label,
  icon,
  variant,
}: {
  to: string;
  state?: Record<string, unknown>;
  label: string;
  icon: ReactNode;
  variant?: 'text' | 'contained' | 'outlined';
}) => (
  <Button component={LinkBase} to={{ pathname: to, state }} label={label} variant={variant}>
    {icon}
  </Button>
);
