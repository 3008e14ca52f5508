export default async function globalTeardown() {
  const stack = globalThis.__webE2eStack;
  globalThis.__webE2eStack = undefined;
  if (stack) await stack.stop();
}
