export async function benchPage(_extensionDir: string): Promise<{ table: string }> {
  return { table: 'not measured yet' };
}
