// Three-valued evaluation of expression trees and written values, within one budget.
import { type Evaluated, known, unknown } from '../evaluated.js';
import type { UserFunctionDecl } from '../scope.js';
import type { JsonValue, ValueNode } from '../value.js';
import type { CallExpr, ExprNode } from './ast.js';
import { type EvalContext, fail } from './context.js';
import { isEnvironmentFunction, pureFunctions, unsupportedFunctions } from './functions/index.js';
import { findKey, isObject, ownValue, typeName } from './json.js';
import { specialForms } from './special.js';
import { dependenciesOf, lift } from './three-valued.js';
import { memberOrigin, writtenArray, writtenObject } from './written.js';

/** What an evaluation needs from its template scope. */
export interface EvalHost {
  parameter(name: string): Evaluated;
  variable(name: string): Evaluated;
  userFunction(namespace: string, name: string): UserFunctionDecl | undefined;
}

export interface Frame {
  /** `copyIndex` values (`copyIndex`, `copyIndex:<loop>`) and lambda variables (`lambda:<name>`). */
  readonly locals: ReadonlyMap<string, Evaluated>;
  /** Inside a user-defined function: its arguments by lower-cased name, read by `parameters()`. */
  readonly functionArgs?: ReadonlyMap<string, Evaluated>;
}

export const emptyFrame: Frame = { locals: new Map() };

/** Property or index access on a plain value, as ARM does it (case-insensitive names). */
function select(value: JsonValue, key: JsonValue): JsonValue {
  if (isObject(value)) {
    if (typeof key !== 'string') fail(`an object is indexed by a string, not ${typeName(key)}`);
    const found = findKey(value, key);
    if (found === undefined) fail(`the object has no property '${key}'`);
    return ownValue(value, found) ?? null;
  }
  if (Array.isArray(value)) {
    if (typeof key !== 'number' || !Number.isInteger(key)) fail(`an array is indexed by an integer, not ${typeName(key)}`);
    if (key < 0 || key >= value.length) fail(`index ${String(key)} is outside the array`);
    return value[key] ?? null;
  }
  return fail(`cannot read ${JSON.stringify(key)} of ${typeName(value)}`);
}

export class Evaluation {
  constructor(
    readonly host: EvalHost,
    readonly ctx: EvalContext,
  ) {}

  expr(expr: ExprNode, frame: Frame): Evaluated {
    this.ctx.tick();
    return this.ctx.nested(() => {
      switch (expr.kind) {
        case 'string':
        case 'number':
          return known(expr.value);
        case 'call':
          return this.call(expr, frame);
        case 'property':
          return this.member(this.expr(expr.object, frame), known(expr.name));
        case 'index':
          return this.member(this.expr(expr.object, frame), this.expr(expr.index, frame));
      }
    });
  }

  /**
   * Evaluates a written value. `loopName` is the name under which the value is declared (its
   * property key or variable name): a copy loop array binds `copyIndex('<loopName>')`.
   */
  node(node: ValueNode, frame: Frame, loopName?: string): Evaluated {
    this.ctx.tick();
    return this.ctx.nested(() => {
      switch (node.kind) {
        case 'literal':
          return known(node.value, { node, via: 'literal' });
        case 'expression':
          return node.expr === undefined ? unknown('error') : this.expr(node.expr, frame);
        case 'array':
          return writtenArray(this, node, frame, loopName);
        case 'object':
          return writtenObject(this, node, frame);
      }
    });
  }

  evaluateArgs(call: CallExpr, frame: Frame): Evaluated[] {
    return call.args.map((arg) => this.expr(arg, frame));
  }

  private call(call: CallExpr, frame: Frame): Evaluated {
    if (call.namespace !== undefined && call.namespace.toLowerCase() !== 'sys') return this.userCall(call, frame);
    const name = call.name.toLowerCase();
    const special = specialForms.get(name);
    if (special) return special(call, this, frame);
    const pure = pureFunctions.get(name);
    if (pure) return lift(this.evaluateArgs(call, frame), this.ctx, (values) => pure(values, this.ctx));
    if (isEnvironmentFunction(name)) return unknown('environment', dependenciesOf(this.evaluateArgs(call, frame)));
    if (unsupportedFunctions.has(name)) return unknown('unsupported', dependenciesOf(this.evaluateArgs(call, frame)));
    return unknown('error');
  }

  private userCall(call: CallExpr, frame: Frame): Evaluated {
    const args = this.evaluateArgs(call, frame);
    const decl = this.host.userFunction(call.namespace ?? '', call.name);
    if (decl?.output === undefined || decl.parameterNames.length !== args.length) {
      return unknown('error', dependenciesOf(args));
    }
    const functionArgs = new Map<string, Evaluated>();
    decl.parameterNames.forEach((name, i) => functionArgs.set(name.toLowerCase(), args[i] ?? unknown('error')));
    return this.node(decl.output, { locals: new Map(), functionArgs });
  }

  /** `object.name` and `object[index]`; the origin follows into the written value when it can. */
  private member(object: Evaluated, key: Evaluated): Evaluated {
    const result = lift([object, key], this.ctx, ([value = null, index = null]) => select(value, index));
    if (result.kind !== 'known' || object.kind !== 'known' || key.kind !== 'known' || object.origin === undefined) {
      return result;
    }
    const origin = memberOrigin(object.value, key.value, object.origin);
    return origin ? known(result.value, origin) : result;
  }
}
