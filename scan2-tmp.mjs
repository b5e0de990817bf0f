import { Parser, Language } from 'web-tree-sitter';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
const require = createRequire(import.meta.url);
await Parser.init();
const lang = await Language.load(require.resolve('tree-sitter-bicep/tree-sitter-bicep.wasm'));
const p = new Parser(); p.setLanguage(lang);
for (const f of process.argv.slice(2)) {
  const text = readFileSync(f,'utf8').replace(/^\uFEFF/,'');
  const t = p.parse(text);
  const errs=[];
  (function walk(n){ if(n.isError||n.isMissing){errs.push(n);return;} for(const c of n.children) if(c.hasError||c.isMissing) walk(c);})(t.rootNode);
  console.log('==',f.replace('/work/shared/corpus/',''), errs.length);
  for(const e of errs.slice(0,12)){ const ls=text.lastIndexOf('\n',e.startIndex)+1; const le=text.indexOf('\n',e.startIndex); console.log('  ',e.startPosition.row+1, e.isMissing?'MISSING '+e.type:'ERROR', JSON.stringify(text.slice(ls, le<0?undefined:le).slice(0,140)));}
}
