/**
 * The test runner's environment without the variables mesodesk reads, plus `settings`: a child
 * must not pick up a DATABASE_URL or data folder meant for something else.
 */
export function childEnv(settings: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(MESODESK_|DATABASE_URL$|PORT$|HOST$|LOG_LEVEL$)/.test(key)) continue;
    env[key] = value;
  }
  for (const [key, value] of Object.entries(settings)) if (value !== undefined) env[key] = value;
  return env;
}
