import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { TextField } from './field';

/**
 * A search form above a list. The text query applies on Enter or "Search"; the extra controls
 * (selects) passed as children apply as soon as they change.
 */
export function FilterBar({
  idPrefix,
  label,
  query,
  placeholder,
  onSearch,
  onClear,
  canClear,
  children,
}: {
  idPrefix: string;
  label: string;
  query: string;
  placeholder?: string;
  onSearch: (query: string) => void;
  onClear: () => void;
  canClear: boolean;
  children?: ReactNode;
}) {
  const [text, setText] = useState(query);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSearch(text.trim());
  };
  return (
    <form className="filters" role="search" aria-label={label} onSubmit={submit} noValidate>
      <TextField
        idPrefix={idPrefix}
        name="q"
        label="Search"
        type="search"
        className="field-grow"
        value={text}
        placeholder={placeholder}
        onChange={(event) => setText(event.target.value)}
      />
      {children}
      <div className="filters-actions">
        <button type="submit" className="btn btn-primary">
          Search
        </button>
        {canClear ? (
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => {
              setText('');
              onClear();
            }}
          >
            Clear filters
          </button>
        ) : null}
      </div>
    </form>
  );
}

/**
 * Props that tie a select in a FilterBar to one filter in the address bar (see useUrlFilters);
 * it applies as soon as it changes.
 *
 *     const filter = bindFilters(ID, filters, setFilters);
 *     <SelectField {...filter('status')} label="Status">…</SelectField>
 */
export function bindFilters<K extends string>(
  idPrefix: string,
  values: Readonly<Record<K, string>>,
  update: (patch: Partial<Record<K, string>>) => void,
) {
  return (name: K) => ({
    idPrefix,
    name,
    value: values[name],
    onChange: (event: { target: { value: string } }) =>
      update({ [name]: event.target.value } as Partial<Record<K, string>>),
  });
}
