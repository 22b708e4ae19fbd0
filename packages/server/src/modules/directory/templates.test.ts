import { describe, expect, it } from 'vitest';
import { normaliseTemplateFields, TEMPLATES, validateTemplateFields } from './templates';

const incident = {
  incidentSummary: 'Wiper malware on the grid operator’s SCADA network',
  detectedAt: '2026-03-02T06:40:00+03:00',
  affectedSystems: 'Substation HMIs in Nairobi region',
  severity: 'high',
  requestedAction: 'Block the listed C2 addresses; share logs',
};

describe('message templates', () => {
  it('defines the four templates, each with required fields and unique field names', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual([
      'request_for_information',
      'incident_notification',
      'assistance_request',
      'consultation_request',
    ]);
    for (const t of TEMPLATES) {
      expect(t.fields.some((f) => f.required)).toBe(true);
      expect(new Set(t.fields.map((f) => f.name)).size).toBe(t.fields.length);
    }
  });

  it('accepts a complete incident notification', () => {
    expect(validateTemplateFields('incident_notification', incident)).toEqual([]);
  });

  it('names every missing required field', () => {
    expect(validateTemplateFields('incident_notification', { severity: 'low' })).toEqual([
      { field: 'fields.incidentSummary', message: 'is required' },
      { field: 'fields.detectedAt', message: 'is required' },
      { field: 'fields.affectedSystems', message: 'is required' },
      { field: 'fields.requestedAction', message: 'is required' },
    ]);
    expect(
      validateTemplateFields('incident_notification', { ...incident, incidentSummary: '  ' }),
    ).toEqual([{ field: 'fields.incidentSummary', message: 'is required' }]);
  });

  it('refuses unknown fields, wrong types, bad choices and dates without an offset', () => {
    const errors = validateTemplateFields('incident_notification', {
      ...incident,
      severity: 'apocalyptic',
      detectedAt: '2026-03-02 06:40',
      affectedSystems: 42,
      colour: 'red',
    });
    expect(errors.map((e) => e.field).sort()).toEqual([
      'fields.affectedSystems',
      'fields.colour',
      'fields.detectedAt',
      'fields.severity',
    ]);
    expect(
      validateTemplateFields('incident_notification', {
        ...incident,
        detectedAt: '2026-03-02T06:40',
      }),
    ).toEqual([expect.objectContaining({ field: 'fields.detectedAt' })]);
    expect(
      validateTemplateFields('incident_notification', {
        ...incident,
        detectedAt: '2026-02-30T06:40Z',
      }),
    ).toEqual([expect.objectContaining({ field: 'fields.detectedAt' })]);
    expect(
      validateTemplateFields('incident_notification', {
        ...incident,
        detectedAt: '2026-03-02T03:40:00.5Z',
      }),
    ).toEqual([]);
  });

  it('limits text length', () => {
    const errors = validateTemplateFields('request_for_information', {
      topic: 'x'.repeat(301),
      questions: 'q',
      purpose: 'p',
    });
    expect(errors).toEqual([{ field: 'fields.topic', message: 'must be at most 300 characters' }]);
  });

  it('allows no fields on a reply, and refuses an unknown template', () => {
    expect(validateTemplateFields('reply', {})).toEqual([]);
    expect(validateTemplateFields('reply', { topic: 'x' })).toEqual([
      { field: 'fields.topic', message: 'replies carry no template fields' },
    ]);
    expect(validateTemplateFields('gossip' as 'reply', {})).toEqual([
      { field: 'template', message: "unknown template 'gossip'" },
    ]);
  });

  it('stores trimmed values and drops empty optional fields', () => {
    expect(
      normaliseTemplateFields('consultation_request', {
        concern: '  Scanning of our MFA network  ',
        clarificationSought: 'Is this an authorised exercise?',
        proposedChannel: 'hotline',
        proposedTimeframe: 'within 48 hours',
        deEscalationMeasures: '',
      }),
    ).toEqual({
      concern: 'Scanning of our MFA network',
      clarificationSought: 'Is this an authorised exercise?',
      proposedChannel: 'hotline',
      proposedTimeframe: 'within 48 hours',
    });
  });
});
