/** What other modules and the server use of the directory. */
export { directoryRoutes } from './routes';
export { runDirectoryJobs, startDirectoryJobs } from './jobs';
export { settleBackground as settleDirectoryDeliveries } from './background';
export { loadDirectoryDemo } from './demo';
