// Placeholder until the serve command lands; it says so rather than pretending to work.
export async function run(_args: string[]): Promise<number> {
  process.stderr.write("docsmith serve: not implemented yet\n");
  return 1;
}
