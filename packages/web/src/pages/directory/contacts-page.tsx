import { DEFAULT_DIRECTORY_PAGE_SIZE, useContacts } from '../../api/directory';
import type { ContactKind, ContactQuery, Designation } from '../../api/directory';
import { useAllParticipants } from '../../api/participants';
import { PageHeader } from '../../components/page-header';
import { FilterBar, bindFilters } from '../../components/filter-bar';
import { SelectField, TextField } from '../../components/field';
import { ParticipantOptions } from '../../components/options';
import { PagedList } from '../../components/pagination';
import { DataTable } from '../../components/data-table';
import { EmptyState } from '../../components/states';
import { useUrlFilters } from '../../hooks/use-url-filters';
import { useCursorPagination } from '../../hooks/use-cursor-pagination';
import { DirectoryTabs } from './directory-tabs';
import { Channels, ContactBadges, availabilityText, validityText } from './contact-cells';

const FILTERS = ['q', 'participant', 'kind', 'designation', 'validity', 'language'] as const;
const ID = 'contact-filters';

/** The points-of-contact directory: every participant's diplomatic and technical contacts. */
export function ContactsPage() {
  const participants = useAllParticipants();
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const filter = bindFilters(ID, filters, setFilters);
  const pages = useCursorPagination(FILTERS.map((key) => filters[key]).join('|'));
  const query: ContactQuery = { limit: DEFAULT_DIRECTORY_PAGE_SIZE };
  if (filters.q) query.q = filters.q;
  if (filters.participant) query.participant = filters.participant;
  if (filters.kind) query.kind = filters.kind as ContactKind;
  if (filters.designation) query.designation = filters.designation as Designation;
  // Current contacts by default: the directory is for reaching someone today.
  if (filters.validity !== 'all') query.current = true;
  if (filters.language) query.language = filters.language;
  if (pages.cursor) query.cursor = pages.cursor;
  const list = useContacts(query);
  const filtered = FILTERS.some((key) => filters[key] !== '');

  return (
    <>
      <PageHeader
        title="Points of contact"
        description="Every participant’s diplomatic and technical points of contact, kept reliable by periodic ping tests. Use them to reach the right person quickly, especially in a crisis."
      />
      <DirectoryTabs />
      <FilterBar
        idPrefix={ID}
        label="Filter contacts"
        query={filters.q}
        placeholder="Name, role or organisation"
        onSearch={(q) => setFilters({ q })}
        onClear={() =>
          setFilters({
            q: '',
            participant: '',
            kind: '',
            designation: '',
            validity: '',
            language: '',
          })
        }
        canClear={filtered}
      >
        <SelectField {...filter('participant')} label="Participant">
          <option value="">Everyone</option>
          <ParticipantOptions participants={participants.data} />
        </SelectField>
        <SelectField {...filter('kind')} label="Kind">
          <option value="">Both kinds</option>
          <option value="diplomatic">Diplomatic</option>
          <option value="technical">Technical</option>
        </SelectField>
        <SelectField {...filter('designation')} label="Designation">
          <option value="">Primary and alternate</option>
          <option value="primary">Primary</option>
          <option value="alternate">Alternate</option>
        </SelectField>
        <SelectField {...filter('validity')} label="Validity">
          <option value="">Valid today</option>
          <option value="all">Past and future too</option>
        </SelectField>
        <TextField
          {...filter('language')}
          label="Language"
          placeholder="e.g. fr"
          spellCheck={false}
          autoComplete="off"
        />
      </FilterBar>
      <PagedList
        query={list}
        pages={pages}
        noun={['contact', 'contacts']}
        loadingLabel="Loading the directory…"
        empty={
          <EmptyState icon="users" title={filtered ? 'No contacts match' : 'No contacts yet'}>
            <p>
              {filtered
                ? 'Clear the filters to see the whole directory.'
                : 'Participants add their points of contact under “Our contacts”.'}
            </p>
          </EmptyState>
        }
      >
        {(contacts) => (
          <DataTable
            labelledBy="contacts-caption"
            caption={`Points of contact${filtered ? ' matching the filters' : ''}`}
            head={
              <>
                <th scope="col">Participant</th>
                <th scope="col">Contact</th>
                <th scope="col">Reach them</th>
                <th scope="col">Availability</th>
                <th scope="col">Languages</th>
              </>
            }
          >
            {contacts.map((c) => (
              <tr key={c.id}>
                <td>{c.participant.name}</td>
                <td>
                  <span className="cell-primary">{c.name}</span>
                  <span className="cell-sub">
                    {c.role}
                    {c.organisation ? `, ${c.organisation}` : ''}
                  </span>
                  <ContactBadges contact={c} />
                </td>
                <td>
                  <Channels channels={c.channels} />
                </td>
                <td>
                  {availabilityText(c)}
                  <span className="cell-sub">{validityText(c)}</span>
                </td>
                <td>{c.languages.join(', ')}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </PagedList>
    </>
  );
}
