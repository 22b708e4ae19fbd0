import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { ApiError, isApiError, unwrap } from '@concord/api-client';
import { api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { useDoctrineVersion, useDoctrineVersions } from '../../api/doctrines';
import type { DoctrineVersion } from '../../api/doctrines';
import { useAllNorms } from '../../api/norms';
import { useParticipantKeys } from '../../api/participants';
import { useMe } from '../../auth/session';
import { canPublishDoctrine } from '../../auth/permissions';
import { PageHeader } from '../../components/page-header';
import { ChoiceGroup, TextAreaField, TextField } from '../../components/field';
import { ErrorSummary } from '../../components/error-summary';
import { FormActions } from '../../components/form-actions';
import { Notice } from '../../components/notice';
import { ErrorState, Loading } from '../../components/states';
import type { FlashState } from '../../hooks/use-flash';
import { useForm } from '../../hooks/use-form';
import { toFormErrors } from '../../lib/form-errors';
import type { FormErrors } from '../../lib/form-errors';
import { buildDoctrineDocument, linesOf, signDoctrine } from '../../lib/doctrine-document';
import type { DoctrineDocument, Visibility } from '../../lib/doctrine-document';
import { CommitmentsEditor, commitmentField, newCommitmentRow } from './commitments-editor';
import type { CommitmentRow } from './commitments-editor';
import { DoctrinesTabs } from './doctrines-tabs';
import { SigningKeyPanel, keyProblem } from './signing-key-panel';
import type { LoadedKey } from './signing-key-panel';

const FORM = 'publish';
const FIELDS = {
  title: 'Title',
  summary: 'Summary',
  redLines: 'Red lines',
  thresholds: 'Thresholds',
  permissibleDefence: 'Legitimate defence',
  visibility: 'Visibility',
  key: 'Signing key',
};
const COMMITMENT_LABELS = { normId: 'Norm', statement: 'The commitment', conditions: 'Conditions' };
/** Problems with the envelope or its key, shown at the key panel. */
const KEY_CODES = {
  UNKNOWN_KEY: 'key',
  KEY_NOT_OF_PARTICIPANT: 'key',
  KEY_REVOKED: 'key',
  BAD_SIGNATURE: 'key',
  MALFORMED_ENVELOPE: 'key',
};

type Values = {
  title: string;
  summary: string;
  redLines: string;
  thresholds: string;
  permissibleDefence: string;
  visibility: Visibility;
};

const valuesOf = (v: DoctrineVersion): Values => ({
  title: v.title,
  summary: v.summary,
  redLines: v.redLines.join('\n'),
  thresholds: v.thresholds.join('\n'),
  permissibleDefence: v.permissibleDefence.join('\n'),
  visibility: v.visibility,
});

/**
 * Sorts the server's problem into the form's fields, with `commitments.2.statement` going to
 * the third commitment's statement (toFormErrors would fold them all into one field).
 */
function publishErrors(error: unknown): FormErrors {
  if (!isApiError(error)) return toFormErrors(error, FIELDS, KEY_CODES);
  const rows: Partial<Record<string, string>> = {};
  const others = error.fieldErrors.filter((item) => {
    const match = /^(?:payload\.)?commitments\.(\d+)\.(normId|statement|conditions)$/.exec(
      item.field,
    );
    if (!match) return true;
    const [, index, field] = match as unknown as [string, string, keyof typeof COMMITMENT_LABELS];
    rows[commitmentField(Number(index), field)] ??= `${COMMITMENT_LABELS[field]} ${item.message}`;
    return false;
  });
  const rest = toFormErrors(
    new ApiError({ ...error, extensions: { ...error.extensions }, fieldErrors: others }),
    FIELDS,
    KEY_CODES,
  );
  const hasRows = Object.keys(rows).length > 0;
  return {
    summary: hasRows && others.length === 0 ? null : rest.summary,
    fields: { ...rest.fields, ...rows },
    requestId: rest.requestId,
  };
}

/** Publishing the next version of one's own doctrine, signed in this browser. */
export function PublishDoctrinePage() {
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const participantId = me.participant.id;
  const latestList = useDoctrineVersions(participantId, { limit: 1 });
  const latestNumber = latestList.data ? (latestList.data.items[0]?.version ?? 0) : null;
  const latest = useDoctrineVersion(
    participantId,
    latestNumber !== null && latestNumber > 0 ? latestNumber : null,
  );
  const norms = useAllNorms();
  const keys = useParticipantKeys(participantId);
  const form = useForm<Values>({
    idPrefix: FORM,
    initial: {
      title: '',
      summary: '',
      redLines: '',
      thresholds: '',
      permissibleDefence: '',
      visibility: 'public',
    },
    labels: FIELDS,
  });
  const [rows, setRows] = useState<CommitmentRow[]>([]);
  const [key, setKey] = useState<LoadedKey | null>(null);

  // The latest version fills the form once, so a new version starts from the current one.
  const [prefilled, setPrefilled] = useState(false);
  const ready = latestNumber === 0 || latest.isSuccess || latest.isError;
  if (!prefilled && ready) {
    setPrefilled(true);
    if (latest.data) {
      form.setValues(valuesOf(latest.data));
      setRows(
        latest.data.commitments.map((c) =>
          newCommitmentRow({
            normId: c.normId,
            statement: c.statement,
            conditions: c.conditions ?? '',
          }),
        ),
      );
    } else {
      setRows([newCommitmentRow()]);
    }
  }

  const { values } = form;
  const document = useMemo<DoctrineDocument | null>(
    () =>
      latestNumber === null
        ? null
        : buildDoctrineDocument({
            participantId,
            latestVersion: latestNumber,
            title: values.title,
            summary: values.summary,
            redLines: linesOf(values.redLines),
            thresholds: linesOf(values.thresholds),
            permissibleDefence: linesOf(values.permissibleDefence),
            commitments: rows,
            visibility: values.visibility,
          }),
    [latestNumber, participantId, values, rows],
  );

  const publish = useMutation({
    mutationFn: (envelope: ReturnType<typeof signDoctrine>) =>
      unwrap(api.POST('/api/v1/doctrines', { body: { envelope } })),
    onSuccess: async (version) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.doctrines.all });
      const state: FlashState = {
        flash: `Version ${version.version} has been signed and published.`,
      };
      await navigate(`/doctrines/${version.participant.id}/versions/${version.version}`, { state });
    },
    onError: (error) => {
      form.setErrors(publishErrors(error));
      // Someone else published meanwhile: the next submit signs the version after theirs.
      if (isApiError(error) && error.code === 'DOCTRINE_VERSION_CONFLICT') {
        void queryClient.invalidateQueries({ queryKey: queryKeys.doctrines.all });
      }
    },
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!document) return;
    const seen = new Set<string>();
    const badKey = keyProblem(key, keys.data?.items, me.participant.name);
    const checks: [string, boolean, string][] = [
      ['key', badKey !== null, badKey ?? ''],
      ['title', document.title === '', 'Give the doctrine a title'],
      ['summary', document.summary === '', 'Summarise the doctrine'],
      ['redLines', document.redLines.length === 0, 'State at least one red line'],
    ];
    rows.forEach((row, i) => {
      checks.push(
        [commitmentField(i, 'normId'), row.normId === '', `Choose the norm of commitment ${i + 1}`],
        [
          commitmentField(i, 'normId'),
          seen.has(row.normId),
          `${row.normId} is already committed to above`,
        ],
        [
          commitmentField(i, 'statement'),
          row.statement.trim() === '',
          `Say what commitment ${i + 1} is`,
        ],
      );
      seen.add(row.normId);
    });
    const problems: FormErrors = { summary: null, fields: {}, requestId: null };
    for (const [field, failed, message] of checks) if (failed) problems.fields[field] ??= message;
    form.setErrors(problems);
    if (Object.keys(problems.fields).length > 0 || !key) return;
    let envelope;
    try {
      envelope = signDoctrine(document, key.seed);
    } catch (error) {
      form.setErrors({
        summary: `The document could not be signed: ${error instanceof Error ? error.message : String(error)}`,
        fields: {},
        requestId: null,
      });
      return;
    }
    publish.mutate(envelope);
  };

  const breadcrumbs = [{ label: 'Doctrines', to: '/doctrines' }];
  if (!canPublishDoctrine(me)) {
    return (
      <>
        <PageHeader title="Publish a doctrine version" breadcrumbs={breadcrumbs} />
        <Notice tone="warning" title="Only states and regional organisations publish doctrines">
          <p>
            Doctrines are published by the administrators and members of states and regional
            organisations. <Link to="/doctrines">Read the published doctrines</Link>.
          </p>
        </Notice>
      </>
    );
  }

  const nextVersion = latestNumber === null ? null : latestNumber + 1;
  return (
    <>
      <PageHeader
        title="Publish a doctrine version"
        breadcrumbs={breadcrumbs}
        description={
          nextVersion === null
            ? `For ${me.participant.name}.`
            : nextVersion === 1
              ? `The first version of ${me.participant.name}’s doctrine. Once published it cannot be changed or withdrawn, only followed by a new version.`
              : `Version ${nextVersion} of ${me.participant.name}’s doctrine, starting from version ${nextVersion - 1}. Published versions cannot be changed or withdrawn, only followed by a new one.`
        }
      />
      <DoctrinesTabs />
      {latestList.isError ? (
        <ErrorState error={latestList.error} onRetry={() => void latestList.refetch()} />
      ) : !prefilled ? (
        <Loading label="Loading your latest version…" />
      ) : (
        <>
          <ErrorSummary errors={form.errors} idPrefix={FORM} />
          <SigningKeyPanel
            idPrefix={FORM}
            participantName={me.participant.name}
            keys={keys.data?.items}
            loaded={key}
            onLoad={(loaded) => {
              setKey(loaded);
              form.setErrors({ ...form.errors, fields: { ...form.errors.fields, key: undefined } });
            }}
            error={form.errors.fields.key}
          />
          <form className="form form-wide section" onSubmit={onSubmit} noValidate>
            <TextField {...form.field('title')} label="Title" maxLength={300} />
            <TextAreaField
              {...form.field('summary')}
              label="Summary"
              hint="Your participant’s position in a few paragraphs."
              rows={6}
            />
            <TextAreaField
              {...form.field('redLines')}
              label="Red lines"
              hint="What your participant will not do or accept. One per line; at least one."
              rows={4}
            />
            <TextAreaField
              {...form.field('thresholds')}
              label="Thresholds"
              optional
              hint="When an operation or incident counts as grave. One per line."
              rows={3}
            />
            <TextAreaField
              {...form.field('permissibleDefence')}
              label="Legitimate defence"
              optional
              hint="What your participant holds to be legitimate defence. One per line."
              rows={3}
            />
            <CommitmentsEditor
              idPrefix={FORM}
              rows={rows}
              onChange={setRows}
              norms={norms.data}
              errors={form.errors.fields}
            />
            <ChoiceGroup
              {...form.radios('visibility')}
              legend="Who may read it"
              choices={[
                {
                  value: 'public',
                  label: 'Everyone',
                  description: 'Public: the signed statement itself goes into the public ledger.',
                },
                {
                  value: 'community',
                  label: 'The community only',
                  description:
                    'Signed-in members only: the public ledger holds a salted commitment that proves when it was published without revealing it.',
                },
              ]}
            />
            {document ? (
              <details className="disclosure">
                <summary>The document you will sign (version {document.version})</summary>
                <pre className="code-block">{JSON.stringify(document, null, 2)}</pre>
              </details>
            ) : null}
            <FormActions
              pending={publish.isPending}
              label="Sign and publish"
              pendingLabel="Publishing…"
              onCancel={() => void navigate('/doctrines')}
            />
          </form>
        </>
      )}
    </>
  );
}
