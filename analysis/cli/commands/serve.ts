import { parseArgs } from 'node:util';
import { createApiHandler } from '../../api/handler.ts';
import { SoilTraceError, userLocale } from '../../errors.ts';
import { buildRenderer, distDir, rendererBuildReason } from '../../server/renderer-build.ts';
import { startServer } from '../../server/server.ts';
import type { CliCommand } from '../command.ts';

const usage = `usage: soiltrace serve [--port N] [--project FILE.duckdb] [--home DIR] [--no-build] [--json]

Browser mode: serves the workbench on http://127.0.0.1 only, with a per-session token in the
URL it prints. Without --project it opens the sample project (built on first use in --home,
default $SOILTRACE_HOME or ~/.soiltrace). Builds the renderer first when dist/ is missing or
older than its sources. Stop with Ctrl+C.
  --port N      port (default: a free one)
  --json        print {"url","port","token"} as one JSON line instead of the message`;

export const command: CliCommand = {
  summary: {
    zh: '浏览器模式：在本机启动工作台（仅 127.0.0.1）',
    en: 'browser mode: serve the workbench on 127.0.0.1',
  },
  usage,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        port: { type: 'string' },
        project: { type: 'string' },
        home: { type: 'string' },
        'no-build': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
    });
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new SoilTraceError(
        { zh: '端口应为 0–65535 的整数', en: 'the port must be an integer from 0 to 65535' },
        { column: '--port', value: values.port },
      );
    }
    const zh = userLocale() === 'zh';
    const reason = rendererBuildReason();
    if (reason && !values['no-build']) {
      io.stderr(
        zh
          ? `正在构建界面（${reason === 'missing' ? '首次运行' : '源代码已更新'}）…`
          : `building the interface (${reason === 'missing' ? 'first run' : 'sources changed'})…`,
      );
      await buildRenderer();
    } else if (reason === 'missing') {
      throw new SoilTraceError({
        zh: '缺少 dist/，请去掉 --no-build 或先运行 npm run build',
        en: 'dist/ is missing: drop --no-build or run npm run build',
      });
    }
    const handler = createApiHandler({ projectPath: values.project, homeDir: values.home });
    let server: Awaited<ReturnType<typeof startServer>>;
    try {
      server = await startServer({ handler, distDir, port });
    } catch (error) {
      await handler.close();
      throw new SoilTraceError({
        zh: `无法在 127.0.0.1:${port} 启动服务：${(error as Error).message}`,
        en: `cannot listen on 127.0.0.1:${port}: ${(error as Error).message}`,
      });
    }
    if (values.json) {
      io.stdout(JSON.stringify({ url: server.url, port: server.port, token: server.token }));
    } else {
      io.stdout(
        zh
          ? `SoilTrace 浏览器模式已启动。请在浏览器中打开（含会话令牌，勿分享）：\n\n  ${server.url}\n\n按 Ctrl+C 停止。`
          : `SoilTrace browser mode is running. Open this address (it carries the session token; do not share it):\n\n  ${server.url}\n\nPress Ctrl+C to stop.`,
      );
    }
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await server.close();
    await handler.close();
    return 0;
  },
};
