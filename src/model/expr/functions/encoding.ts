// Encoding functions. https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-string
import { fail } from '../context.js';
import { expectString, parseJsonText } from '../json.js';
import { argument, expectCount, type FunctionTable, type PureFunction } from './types.js';

function fromBase64(text: string): string {
  if (!/^[A-Za-z0-9+/]*={0,2}$/u.test(text.trim()) || text.trim().length % 4 !== 0) fail('the text is not base64');
  return Buffer.from(text, 'base64').toString('utf8');
}

function stringFunction(convert: (text: string) => string): PureFunction {
  return (args, ctx) => {
    expectCount(args, 1, 1);
    const result = convert(expectString(argument(args, 0), 'the argument'));
    ctx.checkStringLength(result.length);
    return result;
  };
}

function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return fail('the text is not URI-encoded');
  }
}

const dataUriPrefix = 'data:text/plain;charset=utf8;base64,';

function fromDataUri(text: string): string {
  const match = /^data:([^,]*),(.*)$/su.exec(text);
  if (!match) fail('the text is not a data URI');
  const [, header = '', body = ''] = match;
  return header.toLowerCase().endsWith(';base64') ? fromBase64(body) : decodeComponent(body);
}

const uri: PureFunction = (args) => {
  expectCount(args, 2, 2);
  const base = expectString(argument(args, 0), 'the base URI');
  const relative = expectString(argument(args, 1), 'the relative URI');
  try {
    return new URL(relative, base).toString();
  } catch {
    return fail('the URI is not valid');
  }
};

export const encodingFunctions: FunctionTable = {
  base64: stringFunction((text) => Buffer.from(text, 'utf8').toString('base64')),
  base64tostring: stringFunction(fromBase64),
  base64tojson: (args) => {
    expectCount(args, 1, 1);
    return parseJsonText(fromBase64(expectString(argument(args, 0), 'the argument')));
  },
  datauri: stringFunction((text) => dataUriPrefix + Buffer.from(text, 'utf8').toString('base64')),
  datauritostring: stringFunction(fromDataUri),
  uri,
  uricomponent: stringFunction((text) => {
    try {
      return encodeURIComponent(text);
    } catch {
      return fail('the text has an unpaired surrogate');
    }
  }),
  uricomponenttostring: stringFunction(decodeComponent),
};
