import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { unwrap } from '@concord/api-client';
import type { QueryParams, RequestBody, ResponseBody } from '@concord/api-client';
import { api } from './client';
import { queryKeys } from './query-keys';

export type ContactPage = ResponseBody<'/api/v1/directory/contacts', 'get'>;
export type Contact = ContactPage['items'][number];
export type ContactQuery = QueryParams<'/api/v1/directory/contacts', 'get'>;
export type ContactCreate = RequestBody<'/api/v1/directory/contacts', 'post'>;
export type ContactUpdate = RequestBody<'/api/v1/directory/contacts/{id}', 'patch'>;
export type ContactKind = Contact['kind'];
export type Designation = Contact['designation'];
export type Availability = Contact['availability'];

export type PingTaskPage = ResponseBody<'/api/v1/directory/ping-tasks/mine', 'get'>;
export type PingTask = PingTaskPage['items'][number];
export type PingTaskQuery = QueryParams<'/api/v1/directory/ping-tasks/mine', 'get'>;
export type PingTaskStatus = PingTask['status'];
export type PingStats = ResponseBody<'/api/v1/directory/ping-stats', 'get'>;
export type PingRoundPage = ResponseBody<'/api/v1/directory/ping-rounds', 'get'>;
export type PingRound = PingRoundPage['items'][number];
export type PingRoundDetail = ResponseBody<'/api/v1/directory/ping-rounds/{id}', 'get'>;
export type LaunchRound = RequestBody<'/api/v1/directory/ping-rounds', 'post'>;
export type DirectorySettings = ResponseBody<'/api/v1/directory/settings/mine', 'get'>;
export type SettingsUpdate = RequestBody<'/api/v1/directory/settings/mine', 'put'>;

export type MessagePage = ResponseBody<'/api/v1/directory/messages', 'get'>;
export type Message = MessagePage['items'][number];
export type MessageQuery = QueryParams<'/api/v1/directory/messages', 'get'>;
export type MessageTemplates = ResponseBody<'/api/v1/directory/message-templates', 'get'>;
export type MessageTemplate = MessageTemplates['items'][number];
export type TemplateField = MessageTemplate['fields'][number];
export type SendMessage = RequestBody<'/api/v1/directory/messages', 'post'>;
export type Thread = ResponseBody<'/api/v1/directory/threads/{threadId}', 'get'>;

export const DEFAULT_DIRECTORY_PAGE_SIZE = 25;

export function useContacts(query: ContactQuery, enabled = true) {
  return useQuery({
    queryKey: queryKeys.directory.contacts(query),
    enabled,
    queryFn: () => unwrap(api.GET('/api/v1/directory/contacts', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useMyPingTasks(query: PingTaskQuery) {
  return useQuery({
    queryKey: queryKeys.directory.tasks(query),
    queryFn: () => unwrap(api.GET('/api/v1/directory/ping-tasks/mine', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function usePingStats(rounds?: number) {
  return useQuery({
    queryKey: queryKeys.directory.stats(rounds ?? null),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/directory/ping-stats', {
          params: { query: rounds === undefined ? {} : { rounds } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function usePingRounds(query: QueryParams<'/api/v1/directory/ping-rounds', 'get'>) {
  return useQuery({
    queryKey: queryKeys.directory.rounds(query),
    queryFn: () => unwrap(api.GET('/api/v1/directory/ping-rounds', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** The signed-in user's participant's webhook: its address and whether a secret is set. */
export function useDirectorySettings() {
  return useQuery({
    queryKey: queryKeys.directory.settings,
    queryFn: () => unwrap(api.GET('/api/v1/directory/settings/mine')),
  });
}

export function usePingRound(id: string) {
  return useQuery({
    queryKey: queryKeys.directory.round(id),
    enabled: id !== '',
    queryFn: () =>
      unwrap(api.GET('/api/v1/directory/ping-rounds/{id}', { params: { path: { id } } })),
  });
}

export function useMessages(query: MessageQuery) {
  return useQuery({
    queryKey: queryKeys.directory.messages(query),
    queryFn: () => unwrap(api.GET('/api/v1/directory/messages', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** Opening a message is its read receipt (for the receiver), so this is a query with effects. */
export function useMessage(id: string) {
  return useQuery({
    queryKey: queryKeys.directory.message(id),
    queryFn: () => unwrap(api.GET('/api/v1/directory/messages/{id}', { params: { path: { id } } })),
  });
}

export function useThread(threadId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.directory.thread(threadId ?? ''),
    enabled: threadId !== undefined,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/directory/threads/{threadId}', {
          params: { path: { threadId: threadId ?? '' } },
        }),
      ),
  });
}

/** The templates change only with a server release. */
export function useMessageTemplates() {
  return useQuery({
    queryKey: queryKeys.directory.templates,
    queryFn: () => unwrap(api.GET('/api/v1/directory/message-templates')),
    staleTime: Infinity,
  });
}

export const KIND_LABELS: Record<ContactKind, string> = {
  diplomatic: 'Diplomatic',
  technical: 'Technical',
};

export const DESIGNATION_LABELS: Record<Designation, string> = {
  primary: 'Primary',
  alternate: 'Alternate',
};

export const TASK_STATUS_LABELS: Record<PingTaskStatus, string> = {
  acknowledged: 'Acknowledged on time',
  late: 'Acknowledged late',
  pending: 'Waiting, not yet due',
  overdue: 'Overdue',
  missed: 'Missed',
};

export const TEMPLATE_LABELS: Record<Message['template'], string> = {
  request_for_information: 'Request for information',
  incident_notification: 'Incident notification',
  assistance_request: 'Request for assistance',
  consultation_request: 'Consultation request',
  reply: 'Reply',
};

/** A share (0–1) as a whole percentage, or a dash when there is nothing to measure. */
export const percent = (rate: number | null): string =>
  rate === null ? '—' : `${Math.round(rate * 100)} %`;

/** A duration in seconds, read at a glance: "45 s", "12 min", "3 h 20 min", "2 d 4 h". */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const minutes = Math.round(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}
