export { seedCatalogue } from './seed';
export { exportCatalogue, type ExportFormat } from './export';
export { allNorms, getNorm, loadNorm, type NormView } from './service';
export { normRoutes } from './routes';
export { NORM_CATEGORIES, PILLARS, SECTORS, NORM_DECISION_TYPE } from './vocabulary';
