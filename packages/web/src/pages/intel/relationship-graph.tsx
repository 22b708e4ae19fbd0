import { useId } from 'react';
import { Link } from 'react-router';
import { objectLabel } from '../../api/intel';
import type { IntelGraph } from '../../api/intel';
import { DataTable } from '../../components/data-table';

const SIZE = 640;
const CENTRE = SIZE / 2;
const RADIUS = 220;
const MAX_LABEL = 26;
const MIN_BOX = { w: 560, h: 400 };

const memberHref = (id: string) => `/intel/objects/${id}`;

const clip = (text: string) =>
  text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text;

interface Placed {
  id: string;
  type: string;
  name: string | null;
  x: number;
  y: number;
}

/** The object in the centre and its neighbours evenly on a circle, the first at the top. */
function layout(graph: IntelGraph, centreId: string): Map<string, Placed> {
  const placed = new Map<string, Placed>();
  const neighbours = graph.nodes.filter((n) => n.id !== centreId);
  const centre = graph.nodes.find((n) => n.id === centreId);
  if (centre) placed.set(centre.id, { ...centre, x: CENTRE, y: CENTRE });
  neighbours.forEach((n, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / neighbours.length;
    placed.set(n.id, {
      ...n,
      x: CENTRE + RADIUS * Math.cos(angle),
      y: CENTRE + RADIUS * Math.sin(angle),
    });
  });
  return placed;
}

/**
 * An object's relationships as a picture (SVG, neighbours are links to their pages) and as a
 * table with the same content, which is what screen reader users and small screens rely on.
 */
export function RelationshipGraph({
  graph,
  centreId,
  hrefOf = memberHref,
}: {
  graph: IntelGraph;
  centreId: string;
  /** Where a neighbour's link leads; the public portal has pages of its own. */
  hrefOf?: (id: string) => string;
}) {
  const id = useId();
  const placed = layout(graph, centreId);
  const nameOf = (nodeId: string) => {
    const n = placed.get(nodeId);
    return n ? objectLabel(n) : nodeId;
  };
  const neighbourCount = placed.size - 1;
  // Crop the picture to the nodes (with room for their names), so a single neighbour does not
  // leave a mostly empty square; but not below a minimum size, or the few nodes there are would
  // be scaled up to fill the page's width.
  const xs = [...placed.values()].map((n) => n.x);
  const ys = [...placed.values()].map((n) => n.y);
  const w = Math.max(MIN_BOX.w, Math.max(...xs) - Math.min(...xs) + 220);
  const h = Math.max(MIN_BOX.h, Math.max(...ys) - Math.min(...ys) + 130);
  const mid = {
    x: (Math.max(...xs) + Math.min(...xs)) / 2,
    y: (Math.max(...ys) + Math.min(...ys)) / 2,
  };
  const box = { x: mid.x - w / 2, y: mid.y - h / 2, w, h };

  return (
    <section aria-labelledby={`${id}-title`} className="intel-section">
      <h2 id={`${id}-title`}>Relationships</h2>
      {graph.edges.length === 0 ? (
        <p className="muted">No relationships to objects you can see.</p>
      ) : (
        <>
          <figure className="intel-graph">
            <svg
              viewBox={`${box.x} ${box.y} ${box.w} ${box.h}`}
              className="intel-graph-svg"
              role="group"
              aria-label={`Relationship graph: ${nameOf(centreId)} and ${neighbourCount} related ${neighbourCount === 1 ? 'object' : 'objects'}`}
            >
              <defs>
                <marker
                  id={`${id}-arrow`}
                  viewBox="0 0 10 10"
                  refX="10"
                  refY="5"
                  markerWidth="8"
                  markerHeight="8"
                  orient="auto-start-reverse"
                >
                  <path d="M0,0 L10,5 L0,10 z" className="intel-graph-arrow" />
                </marker>
              </defs>
              {graph.edges.map((e) => {
                const a = placed.get(e.source);
                const b = placed.get(e.target);
                if (!a || !b) return null;
                // Stop the arrow at the node's edge rather than its centre.
                const dx = b.x - a.x;
                const dy = b.y - a.y;
                const length = Math.hypot(dx, dy) || 1;
                const gap = b.id === centreId ? 38 : 34;
                const end = { x: b.x - (dx / length) * gap, y: b.y - (dy / length) * gap };
                // Label the edge nearer the neighbour, clear of the centre object's name.
                const t = e.source === centreId ? 0.6 : e.target === centreId ? 0.4 : 0.5;
                const label = { x: a.x + dx * t, y: a.y + dy * t };
                return (
                  <g key={e.id} aria-hidden="true">
                    <line
                      x1={a.x}
                      y1={a.y}
                      x2={end.x}
                      y2={end.y}
                      className="intel-graph-edge"
                      markerEnd={`url(#${id}-arrow)`}
                    />
                    <text
                      x={label.x}
                      y={label.y - 6}
                      textAnchor="middle"
                      className="intel-graph-edge-label"
                    >
                      {e.relationshipType}
                    </text>
                  </g>
                );
              })}
              {[...placed.values()].map((n) => {
                const centre = n.id === centreId;
                const body = (
                  <>
                    <circle
                      cx={n.x}
                      cy={n.y}
                      r={centre ? 34 : 30}
                      className={
                        centre ? 'intel-graph-node intel-graph-node--centre' : 'intel-graph-node'
                      }
                    />
                    <text
                      x={n.x}
                      y={centre ? n.y + 50 : n.y < CENTRE - 1 ? n.y - 38 : n.y + 46}
                      textAnchor="middle"
                      className="intel-graph-name"
                    >
                      {clip(objectLabel(n))}
                    </text>
                    <text x={n.x} y={n.y + 4} textAnchor="middle" className="intel-graph-type">
                      {n.type.slice(0, 13)}
                    </text>
                  </>
                );
                return centre ? (
                  <g key={n.id} aria-label={`${objectLabel(n)} (this object)`} role="img">
                    {body}
                  </g>
                ) : (
                  <Link
                    key={n.id}
                    to={hrefOf(n.id)}
                    aria-label={`${objectLabel(n)} (${n.type})`}
                    className="intel-graph-link"
                  >
                    {body}
                  </Link>
                );
              })}
            </svg>
          </figure>
          <DataTable
            labelledBy={`${id}-table`}
            caption="Relationships as a table"
            head={
              <>
                <th scope="col">Source</th>
                <th scope="col">Relationship</th>
                <th scope="col">Target</th>
              </>
            }
          >
            {graph.edges.map((e) => (
              <tr key={e.id}>
                <td>
                  <NodeLink
                    id={e.source}
                    centreId={centreId}
                    label={nameOf(e.source)}
                    href={hrefOf(e.source)}
                  />
                </td>
                <td>
                  <code className="intel-type">{e.relationshipType}</code>
                </td>
                <td>
                  <NodeLink
                    id={e.target}
                    centreId={centreId}
                    label={nameOf(e.target)}
                    href={hrefOf(e.target)}
                  />
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </section>
  );
}

function NodeLink({
  id,
  centreId,
  label,
  href,
}: {
  id: string;
  centreId: string;
  label: string;
  href: string;
}) {
  return id === centreId ? <strong>{label}</strong> : <Link to={href}>{label}</Link>;
}
