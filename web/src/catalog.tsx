// The catalog: ImageFilter's filters, the search box, sorting by column and paging on the connection.
import { type FormEvent, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import type { ImageFilter, ImageOrderField, ImageStatus, ImageVisibility, MemberStatus, OrderDirection } from './gql/graphql.js';
import { CatalogQuery, RegionsQuery } from './operations.js';
import { imageHref } from './route.js';
import { type SearchError, SearchBox } from './search-box.js';
import { StatusBadge } from './status-badge.js';
import { formatBytes } from './format.js';

const PAGE_SIZE = 20;
const STATUSES: ImageStatus[] = ['ACTIVE', 'QUEUED', 'SAVING', 'UPLOADING', 'IMPORTING', 'KILLED', 'DEACTIVATED', 'PENDING_DELETE', 'DELETED'];
const VISIBILITIES: ImageVisibility[] = ['PUBLIC', 'PRIVATE', 'SHARED', 'COMMUNITY'];
const MEMBER_STATUSES: MemberStatus[] = ['PENDING', 'ACCEPTED', 'REJECTED'];
const COLUMNS: { field: ImageOrderField | null; label: string }[] = [
  { field: 'NAME', label: 'Name' },
  { field: 'STATUS', label: 'Status' },
  { field: null, label: 'Visibility' },
  { field: null, label: 'Region' },
  { field: 'SIZE', label: 'Size' },
  { field: 'UPDATED_AT', label: 'Updated' },
];

interface FilterForm {
  status: string;
  visibility: string;
  nameContains: string;
  regionId: string;
  memberStatus: string;
}
const NO_FILTER: FilterForm = { status: '', visibility: '', nameContains: '', regionId: '', memberStatus: '' };

type Page = { first: number; after?: string } | { last: number; before?: string };

function toFilter(form: FilterForm): ImageFilter | undefined {
  const filter: ImageFilter = {};
  if (form.status) filter.status = [form.status as ImageStatus];
  if (form.visibility) filter.visibility = [form.visibility as ImageVisibility];
  if (form.nameContains.trim()) filter.nameContains = form.nameContains.trim();
  if (form.regionId) filter.regionId = form.regionId;
  if (form.memberStatus) filter.memberStatus = form.memberStatus as MemberStatus;
  return Object.keys(filter).length ? filter : undefined;
}

export function Catalog() {
  const [form, setForm] = useState(NO_FILTER);
  const [filter, setFilter] = useState<ImageFilter | undefined>();
  const [search, setSearch] = useState('');
  const [order, setOrder] = useState<{ field: ImageOrderField; direction: OrderDirection }>({ field: 'NAME', direction: 'ASC' });
  const [page, setPage] = useState<Page>({ first: PAGE_SIZE });
  const [regions] = useQuery({ query: RegionsQuery });
  const variables = useMemo(
    () => ({ ...page, filter, search: search || undefined, orderBy: [{ field: order.field, direction: order.direction }] }),
    [page, filter, search, order],
  );
  const [result] = useQuery({ query: CatalogQuery, variables });

  const searchError: SearchError | null = useMemo(() => {
    const error = result.error?.graphQLErrors.find((e) => e.extensions?.argument === 'search');
    if (!error) return null;
    const position = error.extensions?.position;
    return { message: error.message, position: typeof position === 'number' ? position : null };
  }, [result.error]);
  const otherError = !searchError && result.error ? result.error.message : null;

  const applyFilters = (event: FormEvent) => {
    event.preventDefault();
    setFilter(toFilter(form));
    setPage({ first: PAGE_SIZE });
  };
  const sortBy = (field: ImageOrderField) => {
    setOrder((now) => ({ field, direction: now.field === field && now.direction === 'ASC' ? 'DESC' : 'ASC' }));
    setPage({ first: PAGE_SIZE });
  };
  const set = (key: keyof FilterForm) => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });
  const images = result.data?.images;

  return (
    <section aria-labelledby="catalog-title">
      <h1 id="catalog-title">Images</h1>
      <form className="filters" onSubmit={applyFilters} aria-label="Filters">
        <div className="field">
          <label htmlFor="filter-name">Name contains</label>
          <input id="filter-name" value={form.nameContains} onChange={set('nameContains')} />
        </div>
        <div className="field">
          <label htmlFor="filter-status">Status</label>
          <select id="filter-status" value={form.status} onChange={set('status')}>
            <option value="">Any</option>
            {STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-visibility">Visibility</label>
          <select id="filter-visibility" value={form.visibility} onChange={set('visibility')}>
            <option value="">Any</option>
            {VISIBILITIES.map((v) => <option key={v} value={v}>{v}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-region">Region</label>
          <select id="filter-region" value={form.regionId} onChange={set('regionId')}>
            <option value="">Any</option>
            {regions.data?.regions.edges.map(({ node }) => <option key={node.id} value={node.id}>{node.name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-member">Offers to my project</label>
          <select id="filter-member" value={form.memberStatus} onChange={set('memberStatus')}>
            <option value="">Not filtered</option>
            {MEMBER_STATUSES.map((m) => <option key={m} value={m}>{m}</option>)}
          </select>
        </div>
        <div className="actions">
          <button type="submit">Apply filters</button>
          <button type="button" onClick={() => { setForm(NO_FILTER); setFilter(undefined); setPage({ first: PAGE_SIZE }); }}>Clear</button>
        </div>
      </form>

      <SearchBox value={search} error={searchError} onSearch={(text) => { setSearch(text); setPage({ first: PAGE_SIZE }); }} />

      {otherError && <p className="form-error" role="alert">{otherError}</p>}
      <p className="count" aria-live="polite">
        {result.fetching ? 'Loading…' : images ? `${images.totalCount} image${images.totalCount === 1 ? '' : 's'}` : ''}
      </p>
      <div className="table-wrap">
        <table className="catalog">
          <caption className="visually-hidden">Images, sorted by {order.field.toLowerCase().replace('_', ' ')} {order.direction === 'ASC' ? 'ascending' : 'descending'}</caption>
          <thead>
            <tr>
              {COLUMNS.map(({ field, label }) => (
                <th key={label} scope="col" aria-sort={field && order.field === field ? (order.direction === 'ASC' ? 'ascending' : 'descending') : undefined}>
                  {field ? (
                    <button type="button" className="sort" onClick={() => sortBy(field)}>
                      {label}{order.field === field && <span aria-hidden="true">{order.direction === 'ASC' ? ' ▲' : ' ▼'}</span>}
                    </button>
                  ) : label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {images?.edges.map(({ node }) => (
              <tr key={node.id}>
                <td data-label="Name"><a href={imageHref(node.id)}>{node.name}</a></td>
                <td data-label="Status"><StatusBadge status={node.status} /></td>
                <td data-label="Visibility">{node.visibility}</td>
                <td data-label="Region">{node.region.name}</td>
                <td data-label="Size">{formatBytes(node.size)}</td>
                <td data-label="Updated"><time dateTime={node.updatedAt}>{new Date(node.updatedAt).toLocaleString()}</time></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="pager" aria-label="Pages">
        <button type="button" disabled={!images?.pageInfo.hasPreviousPage} onClick={() => setPage({ last: PAGE_SIZE, before: images?.pageInfo.startCursor ?? undefined })}>
          Previous page
        </button>
        <button type="button" disabled={!images?.pageInfo.hasNextPage} onClick={() => setPage({ first: PAGE_SIZE, after: images?.pageInfo.endCursor ?? undefined })}>
          Next page
        </button>
      </nav>
    </section>
  );
}
