// The environment of every child process a benchmark starts. NODE_EXTRA_CA_CERTS makes node read
// a CA file at each start (about 38 ms here), NODE_OPTIONS could load anything, and AWS_* could
// make an SDK read files or pick up settings: none of it belongs in a measurement.
export function cleanEnv(extra = {}) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key === "NODE_EXTRA_CA_CERTS" || key === "NODE_OPTIONS" || key.startsWith("AWS_")) continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}
