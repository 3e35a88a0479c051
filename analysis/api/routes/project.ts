import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RouteModule } from './types.ts';

export const projectRoutes: RouteModule = {
  'project.info': async (_params, ctx) => {
    const session = ctx.currentSession();
    return session ? session.info() : null;
  },
  'project.open': async ({ path }, ctx) => (await ctx.openSession(path, { create: false })).info(),
  'project.create': async ({ path }, ctx) => (await ctx.openSession(path, { create: true })).info(),
  'project.openSample': async (_params, ctx) => {
    mkdirSync(ctx.homeDir, { recursive: true });
    const session = await ctx.openSession(join(ctx.homeDir, 'sample-project.duckdb'), {
      create: true,
      sample: true,
    });
    return session.info();
  },
  'datasets.list': async (_params, ctx) => ctx.session().listDatasets(),
  'import.preview': async (params, ctx) => ctx.session().previewImport(params),
  'import.commit': async (params, ctx) => ctx.session().commitImport(params),
  'query.run': async ({ sql }, ctx) => ctx.session().query(sql),
};
