/**
 * Whether two switches have the same members, whatever their order. PluralKit's switch list returns a
 * switch's members in no fixed order (only `/fronters` and single switches keep the logged order), so an
 * ordered comparison would call the same front different from one read to the next.
 */
export function sameMemberSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const inB = new Set(b);
  return new Set(a).size === inB.size && a.every((id) => inB.has(id));
}
