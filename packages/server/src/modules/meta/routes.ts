import { Type } from 'typebox';
import type { App } from '../../http/types';
import { responses } from '../../http/schemas';
import {
  PARTICIPANT_KIND_IDS,
  PARTICIPANT_KINDS,
  ROLE_IDS,
  ROLES,
  TOKEN_SCOPE_IDS,
  TOKEN_SCOPES,
} from '../../auth/roles';
import { allCountries } from '../../lib/countries';

const described = <T extends string>(ids: T[]) =>
  Type.Object({ id: Type.Enum(ids), label: Type.String(), description: Type.String() });

export function metaRoutes(app: App): void {
  const body = {
    participantKinds: PARTICIPANT_KINDS.map((k) => ({ ...k })),
    roles: ROLES.map((r) => ({ ...r })),
    tokenScopes: TOKEN_SCOPES.map((s) => ({ ...s })),
    countries: allCountries(),
  };
  app.get('/meta', {
    config: { auth: 'public' },
    schema: {
      tags: ['Meta'],
      summary: 'Vocabularies: participant kinds, roles, token scopes, ISO 3166-1 alpha-3 countries',
      response: responses({
        200: Type.Object({
          participantKinds: Type.Array(
            Type.Object({ id: Type.Enum([...PARTICIPANT_KIND_IDS]), label: Type.String() }),
          ),
          roles: Type.Array(described([...ROLE_IDS])),
          tokenScopes: Type.Array(described([...TOKEN_SCOPE_IDS])),
          countries: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
        }),
      }),
    },
    handler: () => body,
  });
}
