/** Drops the medium run's database (or stops its embedded server): see medium-global-setup.ts. */
export default async function mediumGlobalTeardown(): Promise<void> {
  await globalThis.__MEDIUM_DATABASE__?.stop();
}
