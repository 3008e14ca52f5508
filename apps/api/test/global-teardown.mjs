export default async function globalTeardown() {
  await globalThis.__TEST_STACK__?.stop();
}
