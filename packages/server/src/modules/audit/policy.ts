import { definePolicy } from '../../auth/policy';
import { hasRole, isPlatformAdmin } from '../../auth/actor';

export const auditPolicy = definePolicy<null>()({
  browse: (actor) => isPlatformAdmin(actor) || hasRole(actor, 'admin'),
});
