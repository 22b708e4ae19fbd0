#!/usr/bin/env python3
"""
Drives a Concord TAXII 2.1 server with the OASIS TC's own client, taxii2-client
(https://github.com/oasis-open/cti-taxii-client), to check interoperability by hand:

    pip install taxii2-client          # or put a checkout on PYTHONPATH
    npm start                          # or: concord serve --demo --port 8089 --host 127.0.0.1
    python3 scripts/taxii-interop.py http://127.0.0.1:8080/taxii2/ analyst@cert.example concord-demo-2026

Discovery, API root, collections; then in the first collection the user may write to: add an
envelope and poll its status, page through the objects with `next`, fetch one object, its
versions and the manifest, and delete what was added. Every step prints what it checked and
the script exits 1 at the first answer the client cannot use or that is wrong.
It is not part of `npm test`: the client is a Python package, which CI cannot install.
"""
import sys
import time
import uuid

from taxii2client.v21 import Server, as_pages


def check(what, condition):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        sys.exit(1)


def main(url, user, password):
    server = Server(url, user=user, password=password)
    check(f"discovery: {server.title!r}, {len(server.api_roots)} API root(s)", server.api_roots)
    root = server.default or server.api_roots[0]
    check(
        f"API root {root.url}: versions {root.versions}, max_content_length {root.max_content_length}",
        "application/taxii+json;version=2.1" in root.versions,
    )
    collections = root.collections
    check(f"{len(collections)} collections listed", len(collections) > 0)
    writable = [c for c in collections if c.can_write and c.can_read]
    check("a collection this user may read and write", writable)
    collection = writable[0]
    print(f"     using {collection.title!r} ({collection.id})")

    stamp = time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime())
    ids = [f"indicator--{uuid.uuid4()}" for _ in range(5)]
    envelope = {
        "objects": [
            {
                "type": "indicator",
                "spec_version": "2.1",
                "id": i,
                "created": stamp,
                "modified": stamp,
                "name": f"Interop check {n}",
                "pattern": f"[ipv4-addr:value = '203.0.113.{n + 1}']",
                "pattern_type": "stix",
                "valid_from": stamp,
            }
            for n, i in enumerate(ids)
        ]
        + [{"type": "indicator", "spec_version": "2.1", "id": "indicator--not-valid"}]
    }
    status = collection.add_objects(envelope, wait_for_completion=True, poll_interval=1, timeout=60)
    check(
        f"add: status {status.status}, {status.success_count} succeeded, {status.failure_count} failed",
        status.status == "complete" and status.success_count == 5 and status.failure_count == 1,
    )
    check(
        "the failure names the invalid object",
        [f["id"] for f in status.failures] == ["indicator--not-valid"],
    )

    seen = []
    pages = 0
    for page in as_pages(collection.get_objects, per_request=2, type="indicator"):
        pages += 1
        seen.extend(o["id"] for o in page.get("objects", []))
    check(f"paged through {len(seen)} indicators in {pages} pages of 2 via next", set(ids) <= set(seen))
    check("no object twice across pages", len(seen) == len(set(seen)))

    one = collection.get_object(ids[0])
    check("get object by id", [o["id"] for o in one["objects"]] == [ids[0]])
    versions = collection.object_versions(ids[0])
    check(f"object versions: {versions['versions']}", len(versions["versions"]) == 1)
    manifest_ids = []
    for page in as_pages(collection.get_manifest, per_request=100, type="indicator"):
        manifest_ids.extend(o["id"] for o in page.get("objects", []))
    check(f"manifest lists the added objects ({len(manifest_ids)} entries)", set(ids) <= set(manifest_ids))

    for i in ids:
        collection.delete_object(i)
    gone = []
    for i in ids:
        try:
            collection.get_object(i)
        except Exception as err:  # the client raises on the 404
            gone.append("404" in str(err))
    check("deleted objects answer 404", gone == [True] * len(ids))
    print("all checks passed")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        print(__doc__)
        sys.exit(2)
    main(*sys.argv[1:])
