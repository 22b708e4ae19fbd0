/**
 * Asks the configured peer witnesses to cosign each new checkpoint (C2SP tlog-witness client)
 * and stores the cosignatures that verify with the peers' keys beside the checkpoint.
 */
import type { Logger } from 'pino';
import { bytesToBase64 } from '@concord/ledger';
import type { Deps } from '../../deps';
import { parseCosignerKey, verifiedCosignatures, type CosignatureVerifier } from './cosignature';
import { addCosignatures, latestCheckpoint } from './store';
import { consistencyProof } from './proofs';

interface Peer {
  url: string;
  verifier: CosignatureVerifier;
  /** The size this peer last cosigned, as far as we know. */
  size: number;
}

export class WitnessClient {
  readonly #peers: Peer[];
  #busy = false;

  constructor(
    private readonly deps: Deps,
    private readonly log: Logger | null,
  ) {
    this.#peers = deps.config.witnessPeers.flatMap((p) => {
      const verifier = parseCosignerKey(p.verifierKey);
      if (!verifier) {
        log?.error(
          { peer: p.url },
          'CONCORD_WITNESS_PEERS: not a cosigner verifier key; peer ignored',
        );
        return [];
      }
      return [{ url: p.url.replace(/\/$/, ''), verifier, size: 0 }];
    });
  }

  get enabled(): boolean {
    return this.#peers.length > 0;
  }

  /** Submits the latest checkpoint to every peer; overlapping calls collapse into one. */
  async submitLatest(): Promise<void> {
    if (this.#busy || !this.enabled) return;
    this.#busy = true;
    try {
      const cp = await latestCheckpoint(this.deps.database.db);
      if (!cp) return;
      const body = cp.note.slice(0, cp.note.indexOf('\n\n') + 1);
      for (const peer of this.#peers) {
        try {
          const lines = await this.#submit(peer, cp.size, cp.note);
          const good = verifiedCosignatures(lines, body, peer.verifier);
          if (good.length) await addCosignatures(this.deps.database.db, cp.size, good.join(''));
        } catch (err) {
          this.log?.warn({ err, peer: peer.url }, 'witness did not cosign');
        }
      }
    } finally {
      this.#busy = false;
    }
  }

  async #submit(peer: Peer, size: number, note: string): Promise<string> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const proof =
        peer.size > 0 && peer.size < size
          ? await consistencyProof(this.deps.database.db, peer.size, size)
          : [];
      const request = `old ${peer.size}\n${proof.map((h) => bytesToBase64(h) + '\n').join('')}\n${note}`;
      const res = await fetch(`${peer.url}/add-checkpoint`, {
        method: 'POST',
        body: request,
        signal: AbortSignal.timeout(10_000),
      });
      const text = await res.text();
      if (res.status === 200) {
        peer.size = size;
        return text;
      }
      if (res.status === 409 && /^\d+\n?$/.test(text)) {
        // The witness knows a different size: retry from it (tlog-witness §add-checkpoint).
        peer.size = Number(text.trim());
        if (peer.size > size)
          throw new Error(`witness has seen size ${peer.size}, beyond ours (${size})`);
        continue;
      }
      throw new Error(`witness answered ${res.status}: ${text.trim().slice(0, 200)}`);
    }
    throw new Error('witness kept answering 409');
  }
}
