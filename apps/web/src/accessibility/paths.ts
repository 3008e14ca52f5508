/**
 * The statement has two addresses: one open to anyone (the sign-in page links to it; the law wants it
 * readable without an account; "/was" is where Danish public sites keep it) and one inside the app's
 * layout, with its menu, for signed-in users.
 */
export const PUBLIC_STATEMENT_PATH = '/was';
export const IN_APP_STATEMENT_PATH = '/tilgaengelighedserklaering';
