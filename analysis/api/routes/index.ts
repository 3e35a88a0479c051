import { appRoutes } from './app.ts';
import { assessmentRoutes } from './assessment.ts';
import { attributionRoutes } from './attribution.ts';
import { dataRoutes } from './data.ts';
import { exportRoutes } from './export.ts';
import { jobsRoutes } from './jobs.ts';
import { pmfRoutes } from './pmf.ts';
import { projectRoutes } from './project.ts';
import { scenariosRoutes } from './scenarios.ts';
import type { RouteModule } from './types.ts';

// One module per area; adding an area's methods = its entries in contract.ts + one line here.
const modules: RouteModule[] = [
  pmfRoutes,
  scenariosRoutes,
  attributionRoutes,
  assessmentRoutes,
  appRoutes,
  projectRoutes,
  dataRoutes,
  exportRoutes,
  jobsRoutes,
];

export const routes: RouteModule = Object.assign({}, ...modules);
