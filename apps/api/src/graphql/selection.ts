import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * The fields an operation selects under the resolved field (after following `path`, e.g. 'cards'),
 * each by its name and, one level down, as 'parent.child': { 'id', 'client', 'client.name', ... }.
 * Fragments are followed; @skip and @include are not evaluated (such a field counts as selected),
 * so the answer may hold more than is sent, never less.
 */
export function selectedFields(info: GraphQLResolveInfo, ...path: string[]): Set<string> {
  const eachField = (sets: readonly SelectionSetNode[], visit: (field: FieldNode) => void): void => {
    for (const set of sets) {
      for (const s of set.selections) {
        if (s.kind === Kind.FIELD) visit(s);
        else if (s.kind === Kind.INLINE_FRAGMENT) eachField([s.selectionSet], visit);
        else if (info.fragments[s.name.value]) eachField([info.fragments[s.name.value].selectionSet], visit);
      }
    }
  };
  let sets = info.fieldNodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
  for (const name of path) {
    const inner: SelectionSetNode[] = [];
    eachField(sets, (f) => f.name.value === name && f.selectionSet && inner.push(f.selectionSet));
    sets = inner;
  }
  const out = new Set<string>();
  eachField(sets, (f) => {
    out.add(f.name.value);
    if (f.selectionSet) eachField([f.selectionSet], (g) => out.add(`${f.name.value}.${g.name.value}`));
  });
  return out;
}
