import { useQuery } from '@tanstack/react-query';
import { unwrap } from '@concord/api-client';
import type { Meta, ParticipantKind, Role } from '@concord/api-client';
import { api } from './client';
import { queryKeys } from './query-keys';

/** /meta: the server declares each id list as the enumeration it names. */
export type TypedMeta = Meta;

/** Reference data (kinds, roles, scopes, countries) changes only with a server release. */
export function useMeta() {
  return useQuery({
    queryKey: queryKeys.meta,
    queryFn: () => unwrap(api.GET('/api/v1/meta')),
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

const humanise = (id: string): string => {
  const text = id.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
};

export function kindLabel(meta: TypedMeta | undefined, kind: ParticipantKind): string {
  return meta?.participantKinds.find((k) => k.id === kind)?.label ?? humanise(kind);
}

export function roleLabel(meta: TypedMeta | undefined, role: Role): string {
  return meta?.roles.find((r) => r.id === role)?.label ?? humanise(role);
}

export function scopeLabel(meta: TypedMeta | undefined, scope: string): string {
  return meta?.tokenScopes.find((s) => s.id === scope)?.label ?? humanise(scope);
}

export function countryName(meta: TypedMeta | undefined, code: string | null): string | null {
  if (!code) return null;
  return meta?.countries.find((c) => c.code === code)?.name ?? code;
}

/** Roles or token scopes as choices for a ChoiceGroup, each with its description. */
export function asChoices<V extends string>(
  entries: readonly { id: V; label: string; description: string }[] | undefined,
): { value: V; label: string; description: string }[] {
  return (
    entries?.map((entry) => ({
      value: entry.id,
      label: entry.label,
      description: entry.description,
    })) ?? []
  );
}
