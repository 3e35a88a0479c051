#!/usr/bin/env node
// `npm start`: the desktop app in Electron when its binary is installed; otherwise browser mode
// (`npm run serve`), saying why. Electron's binary downloads from outside the npm registry, so a
// machine may lack it; nothing here ever downloads it (requiring 'electron' would try to).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const zh = !/^en/i.test(process.env.SOILTRACE_LANG ?? process.env.LC_ALL ?? process.env.LANG ?? '');
const say = (zhText, enText) => console.error(zh ? zhText : enText);

/** The Electron executable if installed, else null (mirrors electron/index.js without its download). */
export function electronBinary() {
  const pkg = join(root, 'node_modules', 'electron');
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkg, 'dist');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(dist, readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(signal ? 1 : (code ?? 1)));
    for (const s of ['SIGINT', 'SIGTERM']) process.once(s, () => child.kill(s));
  });
}

const binary = electronBinary();
if (binary) {
  register();
  const { buildRenderer, rendererBuildReason } = await import('../analysis/server/renderer-build.ts');
  if (rendererBuildReason()) {
    say('正在构建界面…', 'building the interface…');
    await buildRenderer();
  }
  // The shell (main, preload, utility process) is bundled by electron/build.mjs into dist-electron/.
  const built = await run(process.execPath, [join(root, 'electron', 'build.mjs')]);
  if (built !== 0) process.exit(built);
  process.exit(await run(binary, [root, ...process.argv.slice(2)]));
} else {
  say(
    '未找到 Electron 程序（node_modules/electron 未下载其二进制文件），改用浏览器模式：npm run serve',
    'Electron is not installed (node_modules/electron has no binary); starting browser mode instead: npm run serve',
  );
  process.exit(
    await run(process.execPath, [join(root, 'bin', 'soiltrace.mjs'), 'serve', ...process.argv.slice(2)]),
  );
}
