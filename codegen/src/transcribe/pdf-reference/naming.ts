/**
 * Names of the shapes the docs do not name (enums, lists, maps). They derive from what the docs
 * print so that they are stable across docs updates: an enum after the member (qualified by its
 * data type when the member name is one generic word, e.g. AssessmentRun `state` ->
 * AssessmentRunState), a list after its element type or member, a map after its value type.
 */

export function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** English singular of a camelCase plural member name: `findingArns` -> `findingArn`. */
export function singular(name: string): string {
  if (/ies$/.test(name)) return name.replace(/ies$/, "y");
  if (/sses$/.test(name)) return name.replace(/es$/, "");
  if (/(us|ss|is)$/.test(name)) return name; // status, address, analysis
  if (/s$/.test(name)) return name.slice(0, -1);
  return name;
}

/** A name of one word (`State`, `Event`) says too little on its own. */
export function isOneWord(pascalName: string): boolean {
  return /^[A-Z][a-z0-9]*$/.test(pascalName);
}

export function enumName(member: string, dataTypeOwner: string | undefined): string {
  const base = pascal(singular(member));
  return isOneWord(base) && dataTypeOwner ? `${dataTypeOwner}${base}` : base;
}

/** A name for an enum member: the value in upper case, non-identifier runs as "_". */
export function enumMemberName(value: string): string {
  const name = value
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

export function listName(elementShapeName: string | undefined, member: string): string {
  return `${elementShapeName ?? pascal(singular(member))}List`;
}

export function mapName(keyShapeName: string, valueShapeName: string): string {
  return keyShapeName === "String"
    ? `${valueShapeName}Map`
    : `${keyShapeName}To${valueShapeName}Map`;
}
