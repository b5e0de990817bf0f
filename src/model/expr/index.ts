// Public surface of the expression package: the ARM front-end and the Bicep front-end use these.
export type { ParsedArmString } from './parser.js';
export { isArmExpression, parseArmExpression } from './parser.js';
export { checkExpression } from './check.js';
export { printExpression } from './print.js';
export type { EvaluatorOptions } from './evaluator.js';
export { createEvaluator } from './evaluator.js';
