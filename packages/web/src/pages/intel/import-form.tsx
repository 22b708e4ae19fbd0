import { useState } from 'react';
import type { ChangeEvent, FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { TLP_LABELS, TLP_LEVELS, importIntoCollection, isTlp } from '../../api/intel';
import type { ImportRequest, ImportResult, IntelCollection, Tlp } from '../../api/intel';
import { queryKeys } from '../../api/query-keys';
import { SelectField, TextField } from '../../components/field';
import { ErrorSummary } from '../../components/error-summary';
import { SubmitButton } from '../../components/form-actions';
import { Notice } from '../../components/notice';
import { useForm } from '../../hooks/use-form';
import { NO_ERRORS } from '../../lib/form-errors';
import { RecipientsField } from './recipients-field';

const FORM = 'intel-import';
const FIELDS = {
  collectionId: 'Collection',
  url: 'Bundle address',
  file: 'Bundle file',
  tlp: 'TLP',
  recipients: 'Recipient organisations',
};
const AMBER_STRICT: Tlp = 'amber+strict';

/** A file's text parsed as a JSON object, or why not; nothing from it escapes as an exception. */
function parseBundle(text: string): Record<string, unknown> | string {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : 'The file is not a STIX bundle (a JSON object)';
  } catch {
    return 'The file is not valid JSON';
  }
}

/**
 * Imports a STIX 2.1 bundle into a collection the caller writes to, from an https address (the
 * node fetches it) or a file read here in the browser. Shows what was stored and what was not.
 */
export function ImportForm({ collections }: { collections: readonly IntelCollection[] }) {
  const queryClient = useQueryClient();
  const [bundle, setBundle] = useState<{ name: string; value: Record<string, unknown> } | null>(
    null,
  );
  const [result, setResult] = useState<ImportResult | null>(null);
  const form = useForm({
    idPrefix: FORM,
    initial: {
      collectionId: collections[0]?.id ?? '',
      url: '',
      tlp: '',
      file: '',
      recipients: [] as string[],
    },
    labels: FIELDS,
  });
  const send = useMutation({
    mutationFn: ({ id, body }: { id: string; body: ImportRequest }) =>
      importIntoCollection(id, body),
    onSuccess: async (r) => {
      setResult(r);
      await queryClient.invalidateQueries({ queryKey: queryKeys.intel.all });
    },
    onError: (error) => form.showServerErrors(error, { bundle: 'file' }),
  });

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setBundle(null);
    if (!file) return;
    const parsed = parseBundle(await file.text());
    if (typeof parsed === 'string')
      form.setErrors({ summary: null, fields: { file: parsed }, requestId: null });
    else {
      form.setErrors(NO_ERRORS);
      setBundle({ name: file.name, value: parsed });
    }
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setResult(null);
    const url = form.values.url.trim();
    const ok = form.check([
      ['collectionId', form.values.collectionId === '', 'Choose a collection'],
      ['url', url === '' && bundle === null, 'Enter the address of a bundle, or choose a file'],
      ['url', url !== '' && bundle !== null, 'Give an address or a file, not both'],
      ['url', url !== '' && !url.startsWith('https://'), 'Enter an address starting with https://'],
    ]);
    if (!ok) return;
    const body: ImportRequest = bundle && url === '' ? { bundle: bundle.value } : { url };
    if (isTlp(form.values.tlp)) body.tlp = form.values.tlp;
    if (form.values.tlp === AMBER_STRICT) body.recipients = form.values.recipients;
    send.mutate({ id: form.values.collectionId, body });
  };

  if (collections.length === 0) {
    return (
      <p className="muted">None of your collections accepts imports from your organisation.</p>
    );
  }

  return (
    <form onSubmit={submit} noValidate className="intel-form" aria-labelledby="import-title">
      <h2 id="import-title">Import a STIX bundle</h2>
      <ErrorSummary errors={form.errors} idPrefix={FORM} />
      {result ? (
        <Notice
          tone={result.failures.length > 0 ? 'warning' : 'success'}
          live
          title="Import finished"
        >
          <p>
            {result.stored} of {result.total} objects stored
            {result.failures.length > 0 ? `; ${result.failures.length} refused:` : '.'}
          </p>
          {result.failures.length > 0 ? (
            <ul className="intel-failures">
              {result.failures.slice(0, 50).map((f, i) => (
                <li key={`${f.id}-${i}`}>
                  <code>{f.id}</code>
                  {f.message ? `: ${f.message}` : ''}
                </li>
              ))}
            </ul>
          ) : null}
        </Notice>
      ) : null}
      <div className="intel-form-grid">
        <SelectField {...form.field('collectionId')} label="Into the collection">
          {collections.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </SelectField>
        <TextField
          {...form.field('url')}
          label={FIELDS.url}
          hint="An https address the node fetches the bundle from"
          type="url"
          spellCheck={false}
          autoComplete="off"
          optional
        />
        <div className={form.errors.fields.file ? 'field field--invalid' : 'field'}>
          <label className="field-label" htmlFor={`${FORM}-file`}>
            …or a bundle file <span className="field-optional">(optional)</span>
          </label>
          <span className="field-hint" id={`${FORM}-file-hint`}>
            A .json file, read in your browser{bundle ? `: ${bundle.name}` : ''}
          </span>
          {form.errors.fields.file ? (
            <span className="field-error" id={`${FORM}-file-error`}>
              <span className="visually-hidden">Error: </span>
              {form.errors.fields.file}
            </span>
          ) : null}
          <input
            id={`${FORM}-file`}
            name="file"
            type="file"
            accept=".json,application/json,application/stix+json"
            className="input"
            aria-describedby={`${FORM}-file-hint${form.errors.fields.file ? ` ${FORM}-file-error` : ''}`}
            onChange={(event) => void onFile(event)}
          />
        </div>
        <SelectField
          {...form.field('tlp')}
          label="TLP for unmarked objects"
          hint="Objects that carry their own marking keep it"
        >
          <option value="">The node’s default</option>
          {TLP_LEVELS.map((tlp) => (
            <option key={tlp} value={tlp}>
              {TLP_LABELS[tlp]}
            </option>
          ))}
        </SelectField>
      </div>
      {form.values.tlp === AMBER_STRICT ? (
        <RecipientsField
          idPrefix={FORM}
          name="recipients"
          legend={FIELDS.recipients}
          value={form.values.recipients}
          error={form.errors.fields.recipients}
          onChange={(ids) => form.set('recipients', ids)}
        />
      ) : null}
      <SubmitButton label="Import" pendingLabel="Importing…" pending={send.isPending} />
    </form>
  );
}
