// How often one place of the answer is selected. graphql-js checks that the fields answering at
// one response path can merge by comparing every two of them, their sub-selections included:
// quadratic in their number (600 copies of `region { slug }` took it 0.2 s before it gave up).
// This walk counts them in linear time, fragments expanded as validation expands them, before
// validation runs.
import { type DocumentNode, type FragmentDefinitionNode, Kind, type SelectionSetNode } from 'graphql';

/** The most fields a document may expand to through its fragments: far above any real operation. */
export const EXPANDED_FIELDS = 10_000;

export type RepeatedFields = { path: string; count: number } | 'expanded';

class Expanded extends Error {}

/** The fields answering at one response path: how many, and their sub-selections. */
interface Group {
  count: number;
  sets: SelectionSetNode[];
}

/**
 * The first response path selected by more than `max` fields (each operation and fragment of the
 * document counted from its own top), or 'expanded' when its fragments expand past
 * EXPANDED_FIELDS; undefined when neither.
 */
export function repeatedFieldsProblem(document: DocumentNode, max: number): RepeatedFields | undefined {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  let fields = 0;

  /** The fields below a group's selection sets, by response name; `expanded` gets the fragments spread. */
  const collect = (sets: readonly SelectionSetNode[], ancestors: ReadonlySet<string>, expanded: Set<string>) => {
    const byName = new Map<string, Group>();
    const add = (set: SelectionSetNode) => {
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          if (++fields > EXPANDED_FIELDS) throw new Expanded();
          const name = (selection.alias ?? selection.name).value;
          let group = byName.get(name);
          if (!group) byName.set(name, (group = { count: 0, sets: [] }));
          group.count += 1;
          if (selection.selectionSet) group.sets.push(selection.selectionSet);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          add(selection.selectionSet);
        } else {
          // A fragment merges once however often it is spread here; a cycle is another rule's refusal.
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (!fragment || expanded.has(name) || ancestors.has(name)) continue;
          expanded.add(name);
          add(fragment.selectionSet);
        }
      }
    };
    for (const set of sets) add(set);
    return byName;
  };

  const walk = (sets: readonly SelectionSetNode[], path: string, ancestors: ReadonlySet<string>): RepeatedFields | undefined => {
    const expanded = new Set<string>();
    const byName = collect(sets, ancestors, expanded);
    const below = expanded.size ? new Set([...ancestors, ...expanded]) : ancestors;
    for (const [name, group] of byName) {
      const at = path ? `${path}.${name}` : name;
      if (group.count > max) return { path: at, count: group.count };
      const found = group.sets.length ? walk(group.sets, at, below) : undefined;
      if (found) return found;
    }
    return undefined;
  };

  try {
    for (const definition of document.definitions) {
      let found: RepeatedFields | undefined;
      if (definition.kind === Kind.OPERATION_DEFINITION) found = walk([definition.selectionSet], '', new Set());
      else if (definition.kind === Kind.FRAGMENT_DEFINITION) {
        found = walk([definition.selectionSet], `(fragment ${definition.name.value})`, new Set([definition.name.value]));
      }
      if (found) return found;
    }
  } catch (error) {
    if (error instanceof Expanded) return 'expanded';
    throw error;
  }
  return undefined;
}
