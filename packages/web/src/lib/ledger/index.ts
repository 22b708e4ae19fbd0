/**
 * What the browser itself checks about the ledger, and how log records read to a person. Pure
 * functions over the server's answers: nothing here takes the server's word for a hash, a
 * proof or a signature; it recomputes them with @concord/ledger.
 */
export * from './format';
export * from './checkpoint';
export * from './entries';
export * from './verify-entry';
export * from './growth';
