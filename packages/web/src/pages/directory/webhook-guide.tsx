/** Node.js: how a receiver checks a delivery (the server's webhook.ts does the same). */
const NODE_EXAMPLE = `import { createHmac, timingSafeEqual } from 'node:crypto';

// rawBody: the request body exactly as received, before any JSON parsing.
export function verifyConcord(secret, rawBody, header, nowSeconds = Date.now() / 1000) {
  const parts = Object.fromEntries(header.split(',').map((p) => p.trim().split('=')));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > 300) return false; // replay
  const expected = createHmac('sha256', secret).update(\`\${t}.\${rawBody}\`).digest();
  const given = Buffer.from(parts.v1 ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}`;

const SHELL_EXAMPLE = `printf '%s.%s' "$t" "$raw_body" | openssl dgst -sha256 -hmac "$secret"`;

/** What a delivery looks like and how the receiving system proves it came from this node. */
export function WebhookGuide() {
  return (
    <section className="card" aria-labelledby="webhook-guide-heading">
      <h2 className="card-title" id="webhook-guide-heading">
        Verifying deliveries
      </h2>
      <p className="small">
        Each delivery is an HTTPS <code>POST</code> with a JSON body and these headers:
      </p>
      <dl className="details details--stacked">
        <dt>
          <code>Concord-Event</code>
        </dt>
        <dd>
          <code>ping.task</code>, <code>ping.reminder</code> or <code>message.received</code>
        </dd>
        <dt>
          <code>Concord-Delivery</code>
        </dt>
        <dd>The delivery’s id. A retry carries the same id: process each id once.</dd>
        <dt>
          <code>Concord-Signature</code>
        </dt>
        <dd>
          <code>
            t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, "&lt;t&gt;.&lt;raw body&gt;")&gt;
          </code>
        </dd>
      </dl>
      <h3 className="subheading">To accept a delivery</h3>
      <ol className="small">
        <li>Keep the raw body exactly as received, before parsing the JSON.</li>
        <li>
          Compute HMAC-SHA256 over <code>t</code>, a dot and the raw body, keyed with the whole
          secret (<code>whsec_</code> included), as lower-case hex.
        </li>
        <li>
          Compare it with <code>v1</code> in constant time; refuse the delivery if they differ.
        </li>
        <li>
          Refuse a <code>t</code> more than five minutes away from your clock, so a recorded
          delivery cannot be replayed.
        </li>
        <li>
          Answer with a 2xx status quickly. Any other answer, a redirect or a timeout counts as a
          failure and the delivery is tried again.
        </li>
      </ol>
      <details className="disclosure">
        <summary>Example in Node.js</summary>
        <pre className="code-block">{NODE_EXAMPLE}</pre>
      </details>
      <details className="disclosure">
        <summary>Check one by hand with OpenSSL</summary>
        <pre className="code-block">{SHELL_EXAMPLE}</pre>
        <p className="small muted">The output must equal the header’s v1 value.</p>
      </details>
    </section>
  );
}
