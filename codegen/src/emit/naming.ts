/** Names the generated code uses, derived the way aws-sdk-js-v3 derives them. */

/** `Security Hub` -> `SecurityHub`, `json protocol` -> `JsonProtocol`: the client class stem. */
export function clientStem(sdkId: string): string {
  return sdkId
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join("");
}

/** `ListFindings` -> `listFindings`: the aggregated client's method name. */
export function methodName(operationName: string): string {
  return operationName[0]!.toLowerCase() + operationName.slice(1);
}

/** The name part of an absolute shape id. */
export function shapeName(shapeId: string): string {
  const hash = shapeId.indexOf("#");
  return hash < 0 ? shapeId : shapeId.slice(hash + 1);
}

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** An object key as TypeScript wants it: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return identifier.test(name) ? name : JSON.stringify(name);
}

/** `Inspector` -> `inspector`: the package folder and npm name stem for a service. */
export function packageStem(sdkId: string): string {
  return clientStem(sdkId).toLowerCase();
}
