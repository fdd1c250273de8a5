/** A variable the stack's global setup provides; tests that need the real stack cannot run without it. */
export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this test through jest.stack.config.mjs (npm test)`);
  return value;
}
