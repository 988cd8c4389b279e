export async function scaffoldCommand(_args: string[]): Promise<number> {
  return 2;
}
