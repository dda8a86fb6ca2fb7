// Placeholder until the transcribe command lands; it says so rather than pretending to work.
export async function run(_args: string[]): Promise<number> {
  process.stderr.write("docsmith transcribe: not implemented yet\n");
  return 1;
}
