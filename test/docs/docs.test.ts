import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import ts from 'typescript';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { activityMappingSchema } from '../../src/activity/mappingSchema.js';
import { computeFootprints, defaultComputeContext } from '../../src/compute/computeFootprints.js';
import { parseModelText } from '../../src/io/parseModelText.js';
import { modelDocumentSchema } from '../../src/model/schema.js';
import { parseModel } from '../../src/model/parse.js';
import { methodsAndDatasetsMarkdown } from '../../scripts/methodsAndDatasetsDoc.js';

const ROOT = join(import.meta.dirname, '..', '..');
const DOCS = join(ROOT, 'docs');
const ENTRY = join(import.meta.dirname, 'entry.ts');

interface CodeBlock {
  readonly file: string;
  readonly line: number;
  readonly language: string;
  readonly text: string;
  /** The reason of a `<!-- not-checked: reason -->` comment on the line before, if any. */
  readonly notChecked?: string;
}

function codeBlocks(file: string, markdown: string): CodeBlock[] {
  const lines = markdown.split('\n');
  const blocks: CodeBlock[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const open = /^```(\w+)\s*$/.exec(lines[index]!);
    if (open === null) continue;
    const start = index;
    let end = index + 1;
    while (end < lines.length && !lines[end]!.startsWith('```')) end += 1;
    const previous = lines.slice(0, start).reverse().find((line) => line.trim() !== '') ?? '';
    const marker = /^<!-- not-checked: (.+) -->$/.exec(previous.trim());
    blocks.push({ file, line: start + 1, language: open[1]!, text: lines.slice(start + 1, end).join('\n'), ...(marker === null ? {} : { notChecked: marker[1]! }) });
    index = end;
  }
  return blocks;
}

const files = (await readdir(DOCS)).filter((name) => name.endsWith('.md')).sort();
// The README's samples are the first a user runs: they are checked as the docs' are.
const blocks = [
  ...codeBlocks('README.md', await readFile(join(ROOT, 'README.md'), 'utf8')),
  ...(await Promise.all(files.map(async (name) => codeBlocks(name, await readFile(join(DOCS, name), 'utf8'))))).flat(),
];
const checked = blocks.filter((block) => ['yaml', 'ts', 'typescript'].includes(block.language));

describe('docs/methods-and-datasets.md', () => {
  it('is what scripts/generate-docs.ts writes from the registries (run it when this fails)', async () => {
    expect(await readFile(join(DOCS, 'methods-and-datasets.md'), 'utf8')).toBe(methodsAndDatasetsMarkdown());
  });
});

describe('code blocks in docs/', () => {
  it('are few that are not checked, each with a reason', () => {
    const skipped = checked.filter((block) => block.notChecked !== undefined);
    expect(skipped.length).toBeLessThanOrEqual(3);
    expect(checked.length).toBeGreaterThan(skipped.length);
  });

  it('type-check against the package API (strict, as the project is)', async () => {
    const blocks = checked.filter((block) => block.notChecked === undefined && block.language !== 'yaml');
    const directory = join(ROOT, 'test-artifacts', 'docs-blocks-typed');
    await rm(directory, { recursive: true, force: true });
    await mkdir(directory, { recursive: true });
    const entry = JSON.stringify(ENTRY.replace(/\.ts$/, '.js'));
    const paths = await Promise.all(
      blocks.map(async (block) => {
        const path = join(directory, `${block.file.replace(/\W/g, '-')}-${block.line}.ts`);
        await writeFile(path, block.text.replace(/from 'smeltprint(?:\/node)?'/g, `from ${entry}`));
        return path;
      }),
    );
    const config = ts.parseJsonConfigFileContent(ts.readConfigFile(join(ROOT, 'tsconfig.json'), ts.sys.readFile).config, ts.sys, ROOT);
    const program = ts.createProgram(paths, { ...config.options, noEmit: true });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file !== undefined && paths.includes(d.file.fileName))
      .map((d) => `${d.file!.fileName.split('/').pop()}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
    expect(blocks.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  }, 120_000);

  const context = defaultComputeContext();
  const lookups = { hasFactor: (id: string) => context.factors.has(id), hasMethod: (id: string) => context.methods.has(id) };
  for (const block of checked.filter((b) => b.notChecked === undefined)) {
    it(`${block.file}:${block.line} (${block.language})`, async () => {
      if (block.language === 'yaml') {
        const value = parseModelText(block.text, 'yaml', `${block.file}:${block.line}`);
        if (block.text.includes('smeltprintMapping:')) {
          expect(activityMappingSchema.safeParse(value).success).toBe(true);
        } else if (/^smeltprint:/m.test(block.text)) {
          const shape = modelDocumentSchema.safeParse(value);
          expect(shape.error?.issues ?? []).toEqual([]);
          // Complete models are computed; those waiting for activity data are checked for shape only.
          if (!block.text.includes('activity:')) expect(computeFootprints(parseModel(value, lookups)).products.length).toBeGreaterThan(0);
        } else {
          throw new Error(`a yaml block that is neither a model document nor a mapping: mark it <!-- not-checked: reason -->`);
        }
        return;
      }
      // TypeScript blocks run as modules, 'smeltprint' resolved to the source.
      const directory = join(ROOT, 'test-artifacts', 'docs-blocks');
      await mkdir(directory, { recursive: true });
      const path = join(directory, `${block.file.replace(/\W/g, '-')}-${block.line}.ts`);
      const source = block.text.replace(/from 'smeltprint(?:\/node)?'/g, `from ${JSON.stringify(ENTRY)}`);
      await writeFile(path, source);
      await import(pathToFileURL(path).href);
    });
  }
});
