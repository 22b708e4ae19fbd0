import { TextAreaField, TextField } from '../../components/field';

/** The server's limits (glossary/schema.ts), checked before sending. */
export const MAX_TERM_LENGTH = 200;
export const MAX_TEXT_LENGTH = 5000;
export const TERM_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const MAX_TERM_ID_LENGTH = 100;

export type TermValues = { term: string; definition: string; thresholds: string; notes: string };

/** Labels of the fields, for the error summary and the server's field messages. */
export const TERM_LABELS = {
  id: 'Identifier',
  term: 'Term',
  definition: 'Harmonised definition',
  thresholds: 'Thresholds',
  notes: 'Notes',
};

/** `Critical infrastructure (CI)` → `critical-infrastructure-ci`. */
export function termIdOf(term: string): string {
  return term
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_TERM_ID_LENGTH)
    .replace(/-+$/, '');
}

/** The checks made before a term is sent; the server re-checks them all. */
export function termChecks(
  values: TermValues,
): [field: keyof TermValues, failed: boolean, message: string][] {
  return [
    ['term', values.term.trim() === '', 'Enter the term'],
    ['term', values.term.trim().length > MAX_TERM_LENGTH, 'Keep the term under 200 characters'],
    ['definition', values.definition.trim() === '', 'Write the harmonised definition'],
    [
      'definition',
      values.definition.trim().length > MAX_TEXT_LENGTH,
      'Keep the definition under 5,000 characters',
    ],
    [
      'thresholds',
      values.thresholds.trim().length > MAX_TEXT_LENGTH,
      'Keep the thresholds under 5,000 characters',
    ],
    [
      'notes',
      values.notes.trim().length > MAX_TEXT_LENGTH,
      'Keep the notes under 5,000 characters',
    ],
  ];
}

interface FieldBinding {
  idPrefix: string;
  name: string;
  value: string;
  error: string | undefined;
  onChange: (event: { target: { value: string } }) => void;
}

/** The term, its harmonised definition, thresholds and notes: what the secretariat keeps. */
export function TermFields({ field }: { field: (name: keyof TermValues) => FieldBinding }) {
  return (
    <>
      <TextField {...field('term')} label="Term" maxLength={MAX_TERM_LENGTH} />
      <TextAreaField
        {...field('definition')}
        label="Harmonised definition"
        hint="The text every participant’s own definition is compared with."
        rows={5}
      />
      <TextAreaField
        {...field('thresholds')}
        label="Thresholds"
        optional
        hint="When the term applies: scale, duration, effects. Norms relying on the term use them."
        rows={3}
      />
      <TextAreaField
        {...field('notes')}
        label="Notes"
        optional
        hint="Sources, history of the wording, guidance for readers."
        rows={3}
      />
    </>
  );
}
