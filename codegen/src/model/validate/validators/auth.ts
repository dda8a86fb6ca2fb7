import type { ValidationContext } from "../context.js";
import type { IndexedShape } from "../model-index.js";

/**
 * AuthTrait: `@auth` on a service or on an operation lists only auth schemes (traits marked
 * @authDefinition) that the service itself carries.
 */
const AUTH = "smithy.api#auth";

export function validateAuth(ctx: ValidationContext): void {
  const services = [...ctx.index.shapes.values()].filter((s) => s.type === "service");
  for (const shape of ctx.index.withTrait(AUTH)) {
    if (!ctx.index.isUserShape(shape)) continue;
    const value = shape.traits[AUTH];
    if (!Array.isArray(value)) continue;
    const requested = value.filter((v): v is string => typeof v === "string");
    const owners =
      shape.type === "service"
        ? [shape]
        : services.filter((service) => ctx.closure(service).has(shape.id));
    for (const service of owners) {
      const available = schemesOf(ctx, service);
      const missing = requested.filter((scheme) => !available.has(scheme));
      if (missing.length === 0) continue;
      const where = service === shape ? "" : ` when bound within the \`${service.id}\` service`;
      ctx.emit(
        "AuthTrait",
        "ERROR",
        shape.id,
        `auth trait${where} references auth schemes that are not applied to the service: [${missing.map((m) => `\`${m}\``).join(", ")}]`,
      );
    }
  }
}

function schemesOf(ctx: ValidationContext, service: IndexedShape): Set<string> {
  const schemes = new Set<string>();
  for (const traitId of Object.keys(service.traits)) {
    if (ctx.index.get(traitId)?.traits["smithy.api#authDefinition"] !== undefined)
      schemes.add(traitId);
  }
  return schemes;
}
