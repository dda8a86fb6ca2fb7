import type { NodeValue } from "../../ast.js";
import type { ValidationContext } from "../context.js";
import type { IndexedShape } from "../model-index.js";
import { NodeValidator } from "../node-value.js";

/**
 * ExamplesTrait: each `@examples` entry of an operation matches the operation: its input and
 * output are valid values of the input and output structures, an `error` names one of the
 * operation's errors and its content is a valid value of it, and output and error exclude each
 * other. With `allowConstraintErrors`, constraint failures are warnings.
 */
const EXAMPLES = "smithy.api#examples";
const UNIT = "smithy.api#Unit";

type Obj = { [key: string]: NodeValue };

function isObject(value: NodeValue | undefined): value is Obj {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export function validateExamples(ctx: ValidationContext): void {
  for (const operation of ctx.index.withTrait(EXAMPLES)) {
    if (operation.type !== "operation" || !ctx.index.isUserShape(operation)) continue;
    const examples = operation.traits[EXAMPLES];
    if (!Array.isArray(examples)) continue;
    for (const example of examples) {
      if (isObject(example)) validateExample(ctx, operation, example);
    }
  }
}

function validateExample(ctx: ValidationContext, operation: IndexedShape, example: Obj): void {
  const title = typeof example.title === "string" ? example.title : "";
  const lenient = example.allowConstraintErrors === true;
  const error = isObject(example.error) ? example.error : undefined;
  const emit = (message: string) => ctx.emit("ExamplesTrait", "ERROR", operation.id, message);
  if (error && isObject(example.output) && Object.keys(example.output).length > 0)
    emit(`Example: \`${title}\` has both output and error defined, only one should be present.`);
  const sides: ["input" | "output", NodeValue | undefined][] = [["input", example.input]];
  if (!error) sides.push(["output", example.output]);
  for (const [side, value] of sides) {
    if (!isObject(value)) continue;
    const target = operation.ast[side]?.target ?? UNIT;
    const structure = ctx.index.get(target);
    if (target === UNIT || !structure) {
      if (Object.keys(value).length > 0)
        emit(
          `${side === "input" ? "Input" : "Output"} parameters provided for operation with no ${side} structure members: \`${title}\``,
        );
      continue;
    }
    check(ctx, operation, structure, value, `Example ${side} of \`${title}\``, lenient);
  }
  if (error) {
    const errorId = typeof error.shapeId === "string" ? error.shapeId : "";
    const bound = (operation.ast.errors ?? []).some((ref) => ref.target === errorId);
    const shape = ctx.index.get(errorId);
    if (!bound || !shape) {
      emit(
        `Error parameters provided for operation without the \`${errorId}\` error: \`${title}\``,
      );
    } else if (isObject(error.content)) {
      check(ctx, operation, shape, error.content, `Example error of \`${title}\``, lenient);
    }
  }
}

function check(
  ctx: ValidationContext,
  operation: IndexedShape,
  shape: IndexedShape,
  value: NodeValue,
  context: string,
  lenient: boolean,
): void {
  for (const problem of new NodeValidator(ctx, operation.id).validate(shape, value)) {
    const where = problem.path ? `.${problem.path}` : "";
    ctx.emit(
      "ExamplesTrait",
      lenient && problem.constraint ? "WARNING" : "ERROR",
      operation.id,
      `${context}${where}: ${problem.message}`,
    );
  }
}
