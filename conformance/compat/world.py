"""world: the per-scenario state of the compatibility-suite harness.

Example::

    w = World(lib, "V3", "/tmp/out")
    pact = w.new_pact("C", "P")
"""

import os

import pactffi
from pactffi import b


class World:
    """World holds what one scenario built through the FFI and what it observed.

    Consumer (V1/V2): interactions [(request Part, response Part)], mock, response.
    Builders (V3/V4): pact handle, http/message/sync interaction handles.
    Matching: expected Part, received [Part], results [(matched, mismatches)].
    Generators: request/response Part, mode, context, generated values.
    Messages: received message(s), failure, written pact file.
    """

    def __init__(self, lib, version, out_dir):
        self.lib = lib
        self.version = version
        self.spec = pactffi.SPEC[version]
        self.out_dir = out_dir
        self.pacts = []  # every pact handle this scenario made (freed at the end)
        self.mocks = []
        self.pact_files = []

        self.interactions = []
        self.mock = None
        self.response = None
        self.consumer = None
        self.provider = None

        self.pact = None
        self.http_i = None
        self.msg_i = None
        self.sync_i = None
        self.pact_file = None

        self.expected = None
        self.received = []
        self.results = []
        self.expected_response = None
        self.received_statuses = []
        self.response_results = []

        self.gen_part = None
        self.gen_kind = None
        self.gen_mode = None
        self.gen_context = {}
        self.generated = None
        self.original_body = None

        self.received_messages = []
        self.received_sync = None
        self.failed = None
        self.msg_original = {}

    def new_pact(self, consumer, provider):
        h = self.lib.pactffi_new_pact(b(consumer), b(provider))
        self.pacts.append(h)
        if not self.lib.pactffi_with_specification(h, self.spec):
            raise AssertionError("pactffi_with_specification(%s) returned false" % self.version)
        self.consumer, self.provider = consumer, provider
        return h

    def pact_path(self):
        return os.path.join(self.out_dir, "%s-%s.json" % (self.consumer, self.provider))

    def release(self):
        for m in self.mocks:
            try:
                m.cleanup()
            except Exception:
                pass
        for f in self.pact_files:
            f.close()
        for h in self.pacts:
            self.lib.pactffi_free_pact_handle(h)
        self.mocks, self.pact_files, self.pacts = [], [], []
