#!/usr/bin/env node
// Bundles the Electron shell into dist-electron/ (package.json "main": dist-electron/main.js):
//   main.js     ES module (package "type": "module"), npm packages left to node_modules
//   utility.js  ES module for utilityProcess.fork: the core (analysis/) bundled in
//   preload.cjs one CommonJS file, everything but 'electron' inlined: a sandboxed preload
//               can neither load ES modules nor require anything but a few Electron modules
// Usage: node electron/build.mjs [--outdir DIR]   (no Electron binary needed)
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: options } = parseArgs({ options: { outdir: { type: 'string' } } });
const outdir = options.outdir ? resolve(options.outdir) : join(root, 'dist-electron');
const electronDir = join(root, 'electron') + sep;

/**
 * Inside the bundle every module shares dist-electron/utility.js's import.meta.url, which
 * would break `new URL('../../package.json', import.meta.url)` in analysis/. Each core module
 * gets back its own URL, as if it still lay at its source path under the app root (which
 * holds package.json and datasets/ both in the repo and in the packaged app).
 */
const moduleUrlBanner = [
  "import { fileURLToPath as __stToPath, pathToFileURL as __stToUrl } from 'node:url';",
  "import { dirname as __stDirname, join as __stJoin } from 'node:path';",
  'const __stAppRoot = __stDirname(__stDirname(__stToPath(import.meta.url)));',
  'const __soiltraceModuleUrl = (file) => __stToUrl(__stJoin(__stAppRoot, file)).href;',
].join('\n');

const sourceModuleUrls = {
  name: 'source-module-urls',
  setup(esbuild) {
    esbuild.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      if (args.path.startsWith(electronDir) || args.path.includes(`${sep}node_modules${sep}`))
        return undefined;
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const file = relative(root, args.path).split(sep).join('/');
      return {
        contents: source.replaceAll('import.meta.url', `__soiltraceModuleUrl(${JSON.stringify(file)})`),
        loader: args.path.endsWith('x') ? 'tsx' : 'ts',
      };
    });
  },
};

/**
 * The core reaches analysis/cli/main.ts (for packageVersion), whose lazily imported CLI
 * commands the app never runs: leave them out rather than bundle every command.
 */
const withoutCliCommands = {
  name: 'without-cli-commands',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^\.\/commands\// }, (args) =>
      args.importer.endsWith(join('analysis', 'cli', 'main.ts'))
        ? { path: args.path, external: true }
        : undefined,
    );
  },
};

const common = {
  absWorkingDir: root,
  bundle: true,
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
  metafile: true,
};

const builds = [
  build({
    ...common,
    entryPoints: { main: 'electron/main.ts' },
    outdir,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
  }),
  build({
    ...common,
    entryPoints: { utility: 'electron/utility.ts' },
    outdir,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    banner: { js: moduleUrlBanner },
    plugins: [sourceModuleUrls, withoutCliCommands],
  }),
  build({
    ...common,
    entryPoints: { preload: 'electron/preload.ts' },
    outdir,
    outExtension: { '.js': '.cjs' },
    platform: 'browser',
    format: 'cjs',
    target: 'chrome140',
    minify: true,
    external: ['electron'],
  }),
];

const results = await Promise.all(builds);
for (const result of results) {
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    if (file.endsWith('.map')) continue;
    const externals = [
      ...new Set(output.imports.filter((entry) => entry.external).map((entry) => entry.path)),
    ];
    if (file.endsWith('preload.cjs') && externals.some((name) => name !== 'electron')) {
      throw new Error(`the sandboxed preload may require only 'electron', not: ${externals.join(', ')}`);
    }
    console.log(`${file}  ${(output.bytes / 1024).toFixed(1)} kB  external: ${externals.join(', ') || '—'}`);
  }
}
