import { useAllParticipants } from '../../api/participants';
import { useMe } from '../../auth/session';
import { ChoiceGroup } from '../../components/field';
import { Loading } from '../../components/states';

/**
 * The organisations a TLP:AMBER+STRICT share goes to (FIRST TLP 2.0: "the recipient's
 * organisation only"). The sharer's own organisation always reads what it shares, so it is not
 * offered; ticking nobody keeps the objects within it.
 */
export function RecipientsField({
  idPrefix,
  name,
  legend,
  value,
  error,
  onChange,
}: {
  idPrefix: string;
  name: string;
  legend: string;
  value: readonly string[];
  error: string | undefined;
  onChange: (ids: string[]) => void;
}) {
  const me = useMe();
  const participants = useAllParticipants();
  if (participants.isPending) return <Loading label="Loading the participants…" />;
  if (participants.isError) {
    return (
      <p className="field-error" role="alert">
        The list of participants could not be loaded, so recipients cannot be chosen. Try again in a
        moment.
      </p>
    );
  }
  const choices = participants.data
    .filter((p) => p.id !== me.participant.id)
    .map((p) => ({ value: p.id, label: p.name }));
  return (
    <ChoiceGroup
      type="checkbox"
      idPrefix={idPrefix}
      name={name}
      legend={legend}
      hint={`Only the organisations you tick, and ${me.participant.name}, may read objects marked TLP:AMBER+STRICT here.`}
      error={error}
      choices={choices}
      value={value}
      onChange={onChange}
      columns
    />
  );
}
