/**
 * The structured messages points of contact exchange. Each template names the fields a
 * receiver needs to act without a round of questions (cf. the OSCE CBM 8 and UN POC
 * directory communication templates). Pure: no I/O.
 */
import type { FieldError } from '../../errors';
import { isIsoDate } from './validity';

export type TemplateId =
  | 'request_for_information'
  | 'incident_notification'
  | 'assistance_request'
  | 'consultation_request';

/** Replies carry free text only; they are not a template a conversation starts with. */
export type MessageTemplate = TemplateId | 'reply';

export type TemplateField =
  | { name: string; label: string; type: 'text'; required: boolean; maxLength: number }
  | { name: string; label: string; type: 'datetime'; required: boolean }
  | { name: string; label: string; type: 'choice'; required: boolean; options: readonly string[] };

export interface Template {
  id: TemplateId;
  title: string;
  purpose: string;
  fields: readonly TemplateField[];
}

const text = (name: string, label: string, required = true, maxLength = 4000): TemplateField => ({
  name,
  label,
  type: 'text',
  required,
  maxLength,
});

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const URGENCIES = ['routine', 'priority', 'immediate'] as const;

export const TEMPLATES: readonly Template[] = [
  {
    id: 'request_for_information',
    title: 'Request for information',
    purpose: 'Ask another participant for information about an incident, activity or measure.',
    fields: [
      text('topic', 'Topic', true, 300),
      text('questions', 'Questions'),
      text('purpose', 'Why the information is needed'),
      { name: 'respondBy', label: 'Answer needed by', type: 'datetime', required: false },
      text('relatedIncident', 'Related incident reference', false, 300),
    ],
  },
  {
    id: 'incident_notification',
    title: 'Incident notification',
    purpose: 'Notify a participant of an incident that affects it or originates in its territory.',
    fields: [
      text('incidentSummary', 'What happened'),
      { name: 'detectedAt', label: 'Detected at', type: 'datetime', required: true },
      text('affectedSystems', 'Affected systems or services'),
      { name: 'severity', label: 'Severity', type: 'choice', required: true, options: SEVERITIES },
      text('requestedAction', 'Action requested of the receiver'),
      text('indicators', 'Indicators of compromise or references', false),
    ],
  },
  {
    id: 'assistance_request',
    title: 'Request for assistance',
    purpose: 'Ask for help: incident response, forensics, mitigation or coordination.',
    fields: [
      {
        name: 'assistanceType',
        label: 'Kind of assistance',
        type: 'choice',
        required: true,
        options: ['incident_response', 'forensics', 'mitigation', 'coordination', 'other'],
      },
      text('situation', 'Situation'),
      text('requestedSupport', 'Support requested'),
      { name: 'urgency', label: 'Urgency', type: 'choice', required: true, options: URGENCIES },
      text('constraints', 'Constraints (consent, sovereignty, data handling)', false),
    ],
  },
  {
    id: 'consultation_request',
    title: 'Request for consultation',
    purpose: 'Open consultations to clarify an ambiguous situation and avoid escalation.',
    fields: [
      text('concern', 'The situation or concern'),
      text('clarificationSought', 'Clarification sought'),
      {
        name: 'proposedChannel',
        label: 'Proposed channel',
        type: 'choice',
        required: true,
        options: ['written', 'hotline', 'video_call', 'meeting'],
      },
      text('proposedTimeframe', 'Proposed timeframe', true, 300),
      text('deEscalationMeasures', 'Measures taken to de-escalate', false),
    ],
  },
];

export const TEMPLATE_IDS = TEMPLATES.map((t) => t.id);

export const findTemplate = (id: string): Template | undefined =>
  TEMPLATES.find((t) => t.id === id);

/** RFC 3339 date-time with an explicit offset: the receiver may sit in another time zone. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Checks a message's fields against its template: every required field present, no field
 * the template does not define, each value of its field's type. Errors name `fields.<name>`.
 */
export function validateTemplateFields(
  template: MessageTemplate,
  fields: Record<string, unknown>,
): FieldError[] {
  if (template === 'reply') {
    return Object.keys(fields).map((k) => ({
      field: `fields.${k}`,
      message: 'replies carry no template fields',
    }));
  }
  const def = findTemplate(template);
  if (!def) return [{ field: 'template', message: `unknown template '${template}'` }];
  const errors: FieldError[] = [];
  const known = new Set(def.fields.map((f) => f.name));
  for (const key of Object.keys(fields)) {
    if (!known.has(key)) {
      errors.push({ field: `fields.${key}`, message: `is not a field of ${def.id}` });
    }
  }
  for (const f of def.fields) {
    const value = fields[f.name];
    const field = `fields.${f.name}`;
    if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) {
      if (f.required) errors.push({ field, message: 'is required' });
      continue;
    }
    if (typeof value !== 'string') {
      errors.push({ field, message: 'must be a string' });
      continue;
    }
    switch (f.type) {
      case 'text':
        if (value.length > f.maxLength) {
          errors.push({ field, message: `must be at most ${f.maxLength} characters` });
        }
        break;
      case 'datetime':
        if (!DATE_TIME.test(value) || !isIsoDate(value.slice(0, 10))) {
          errors.push({
            field,
            message: 'must be a date-time with offset, e.g. 2026-05-01T09:30Z',
          });
        }
        break;
      case 'choice':
        if (!f.options.includes(value)) {
          errors.push({ field, message: `must be one of ${f.options.join(', ')}` });
        }
        break;
    }
  }
  return errors;
}

/** The fields as stored: known fields only, text trimmed, empty optional fields dropped. */
export function normaliseTemplateFields(
  template: MessageTemplate,
  fields: Record<string, unknown>,
): Record<string, string> {
  const def = template === 'reply' ? undefined : findTemplate(template);
  const out: Record<string, string> = {};
  for (const f of def?.fields ?? []) {
    const value = fields[f.name];
    if (typeof value === 'string' && value.trim()) out[f.name] = value.trim();
  }
  return out;
}
