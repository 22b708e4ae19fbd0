import type { FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@concord/api-client';
import { api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { LaunchRound } from '../../api/directory';
import { TextField } from '../../components/field';
import { ErrorSummary } from '../../components/error-summary';
import { SubmitButton } from '../../components/form-actions';
import { useForm } from '../../hooks/use-form';

const FORM = 'launch-round';
const FIELDS = {
  title: 'Title',
  dueInHours: 'Answer within (hours)',
  reminderIntervalMinutes: 'Remind every (minutes)',
};

/** The secretariat pings every current contact; each must acknowledge within the hours given. */
export function LaunchRoundForm({ onLaunched }: { onLaunched: (title: string) => void }) {
  const queryClient = useQueryClient();
  const form = useForm({
    idPrefix: FORM,
    initial: {
      title: `Ping test ${new Date().toISOString().slice(0, 10)}`,
      dueInHours: '24',
      reminderIntervalMinutes: '60',
    },
    labels: FIELDS,
  });
  const launch = useMutation({
    mutationFn: (body: LaunchRound) => unwrap(api.POST('/api/v1/directory/ping-rounds', { body })),
    onSuccess: async (round) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.directory.all });
      onLaunched(`“${round.title}” has been sent to ${round.tasks} contacts.`);
    },
    onError: (error) => form.showServerErrors(error),
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { title, dueInHours, reminderIntervalMinutes } = form.values;
    const due = Number(dueInHours);
    const every = Number(reminderIntervalMinutes);
    const valid = form.check([
      ['title', title.trim() === '', 'Give the round a title'],
      ['dueInHours', !Number.isInteger(due) || due < 1 || due > 720, 'Between 1 and 720 hours'],
      [
        'reminderIntervalMinutes',
        !Number.isInteger(every) || every < 5 || every > 10080,
        'Between 5 minutes and a week (10,080 minutes)',
      ],
    ]);
    if (valid) {
      launch.mutate({ title: title.trim(), dueInHours: due, reminderIntervalMinutes: every });
    }
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="launch-heading">
      <h2 className="card-title" id="launch-heading">
        Launch a ping round
      </h2>
      <ErrorSummary errors={form.errors} idPrefix={FORM} />
      <TextField {...form.field('title')} label="Title" />
      <div className="form-grid">
        <TextField
          {...form.field('dueInHours')}
          label="Answer within (hours)"
          type="number"
          inputMode="numeric"
          min={1}
          max={720}
        />
        <TextField
          {...form.field('reminderIntervalMinutes')}
          label="Remind every (minutes)"
          type="number"
          inputMode="numeric"
          min={5}
        />
      </div>
      <SubmitButton pending={launch.isPending} label="Send the pings" pendingLabel="Sending…" />
    </form>
  );
}
