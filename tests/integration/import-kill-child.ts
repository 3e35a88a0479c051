// Child process of import-kill.test.ts: starts a large import and reports when it has begun.
import { importDataset } from '../../analysis/import/index.ts';
import { openProject } from '../../analysis/store/index.ts';

const [projectPath, file] = process.argv.slice(2);
const project = await openProject(projectPath);
process.stdout.write('importing\n');
await importDataset(project, { file, kind: 'soil' });
process.stdout.write('done\n');
