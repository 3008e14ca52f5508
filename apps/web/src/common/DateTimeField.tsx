import type { DateFieldProps } from 'react-admin';
import { DateField, useLocaleState } from 'react-admin';

const LOCALES: Record<string, string> = { da: 'da-DK', en: 'en-GB' };

/** A date and time in the chosen language's format (not the browser's), to the second. */
export const DateTimeField = (props: DateFieldProps) => {
  const [locale] = useLocaleState();
  return (
    <DateField
      showTime
      locales={LOCALES[locale] ?? locale}
      options={{ dateStyle: 'short', timeStyle: 'medium' }}
      {...props}
    />
  );
};
