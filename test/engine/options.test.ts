import { describe, expect, it } from 'vitest';
import { validateOptions } from '../../src/engine/options.js';
import type { OptionsSchema } from '../../src/engine/rule.js';

const schema: OptionsSchema = {
  type: 'object',
  properties: {
    target: { type: 'string', pattern: '^(minimum|latest)$' },
    strict: { type: 'boolean' },
    level: { enum: ['a', 'b'] },
  },
  additionalProperties: false,
};

describe('validateOptions', () => {
  it.each([
    [{}, []],
    [{ target: 'latest', strict: false, level: 'b' }, []],
    [{ nope: 1 }, ["unknown option 'nope'"]],
    [{ strict: 'yes' }, ["option 'strict' must be a boolean"]],
    [{ target: 'newest' }, ["option 'target' must match ^(minimum|latest)$"]],
    [{ level: 'c' }, ['option \'level\' must be one of "a", "b"']],
    [[], ['options must be an object']],
  ])('%j → %j', (options, problems) => {
    expect(validateOptions(schema, options)).toEqual(problems);
  });
});
