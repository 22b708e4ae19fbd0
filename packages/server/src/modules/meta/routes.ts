import { Type } from 'typebox';
import type { App } from '../../http/types';
import { responses } from '../../http/schemas';
import { PARTICIPANT_KINDS, ROLES, TOKEN_SCOPES } from '../../auth/roles';
import { allCountries } from '../../lib/countries';

const Labelled = Type.Object({ id: Type.String(), label: Type.String() });
const Described = Type.Object({
  id: Type.String(),
  label: Type.String(),
  description: Type.String(),
});

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
          participantKinds: Type.Array(Labelled),
          roles: Type.Array(Described),
          tokenScopes: Type.Array(Described),
          countries: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
        }),
      }),
    },
    handler: () => body,
  });
}
