import type { App } from '../../http/types';
import type { Deps } from '../../deps';
import { contactRoutes } from './contact-routes';
import { messageRoutes } from './message-routes';
import { pingRoutes } from './ping-routes';
import './problems';

/** HTTP surface of the `directory` module (OpenAPI tag `directory`). */
export function directoryRoutes(app: App, deps: Deps): void {
  const tags = ['directory'];
  contactRoutes(app, deps, tags);
  pingRoutes(app, deps, tags);
  messageRoutes(app, deps, tags);
}
