"""Steps of the V3/V4 message_provider features: the message provider is a
small HTTP server (provider.MessageProvider) answering the verifier's message
requests; the pacts to verify are built with pactffi_new_message_interaction,
pactffi_given, pactffi_with_body/pactffi_with_binary_body, pactffi_with_metadata,
pactffi_with_matching_rules (V4: pactffi_set_pending, pactffi_add_text_comment,
pactffi_set_comment) and written with pactffi_pact_handle_write_file. Running
and checking the verification are the shared steps of provider.py."""

import json

from behave import step, use_step_matcher

import pactffi
import support
from pactffi import b
from provider import MessageProvider, STR, new_pact, side, source_dir, table_rows, write_pact
from support import Body, check

use_step_matcher("re")


def S(pattern):
    return step(pattern)


def body_of(cell):
    """body_of reads a message body cell ('file: ...', 'JSON: ...', text) as
    the reference harness does (a -body.xml fixture gives its contents and
    content type)."""
    return Body.parse(support.unescape(cell))


def metadata_cell(value):
    """metadata_cell reads a metadata value cell: 'JSON: ...' is JSON, anything
    else a string."""
    if value.startswith("JSON:"):
        return json.loads(value[len("JSON:"):].strip())
    return value


def provider(context):
    s = side(context)
    if s.messages is None:
        s.messages = MessageProvider()
        context.w.mocks.append(s.messages)
        s.provider_port = s.messages.port
    return s.messages


def serve(context, name, cell, metadata=None):
    body = body_of(cell)
    md = {"contentType": body.content_type}
    md.update(metadata or {})
    provider(context).messages[support.unescape(name)] = (body.content, body.content_type, md)


@S(r"a provider is started that can generate the " + STR + r" message with " + STR)
def message_provider(context, name, cell):
    serve(context, name, cell)


@S(r"a provider is started that can generate the " + STR + r" message with " + STR + r" and the following metadata:")
def message_provider_metadata(context, name, cell):
    md = {row["key"]: metadata_cell(row["value"]) for row in table_rows(context.table)}
    serve(context, name, cell, md)


def metadata_value(value):
    """metadata_value is the string pactffi_with_metadata takes for a value:
    JSON text for a JSON value, the text itself for a string (quoted when it
    would read as JSON)."""
    if isinstance(value, str):
        try:
            json.loads(value)
            return json.dumps(value)
        except ValueError:
            return value
    return json.dumps(value)


def message_pact(context, name, body=None, states=(), metadata=None, rules=None, pending=False, comments=()):
    """message_pact builds and writes the pact of one message (consumer c,
    provider p, the feature's specification); its description is the message
    name, which the provider answers."""
    w = context.w
    lib = w.lib
    pact = new_pact(w, "c", "p")
    i = lib.pactffi_new_message_interaction(pact, b(support.unescape(name)))
    check(i != 0, "pactffi_new_message_interaction returned 0")
    for state in states:
        check(lib.pactffi_given(i, b(state)), "pactffi_given(%s) returned false" % state)
    if body is not None:
        if body.is_binary():
            check(lib.pactffi_with_binary_body(i, pactffi.REQUEST, b(body.content_type), body.content, len(body.content)),
                  "pactffi_with_binary_body(%s) returned false" % body.content_type)
        else:
            check(lib.pactffi_with_body(i, pactffi.REQUEST, b(body.content_type), body.content),
                  "pactffi_with_body(%s) returned false" % body.content_type)
    for key, value in (metadata or {}).items():
        check(lib.pactffi_with_metadata(i, b(key), b(metadata_value(value)), pactffi.REQUEST),
              "pactffi_with_metadata(%s) returned false" % key)
    if rules is not None:
        check(lib.pactffi_with_matching_rules(i, pactffi.REQUEST, b(json.dumps(rules))),
              "pactffi_with_matching_rules returned false: %s" % pactffi.last_error())
    if pending:
        check(lib.pactffi_set_pending(i, True), "pactffi_set_pending returned false")
    for kind, text in comments:
        if kind == "text":
            check(lib.pactffi_add_text_comment(i, b(text)), "pactffi_add_text_comment returned false")
        else:
            check(lib.pactffi_set_comment(i, b(kind), b(json.dumps(text))), "pactffi_set_comment(%s) returned false" % kind)
    side(context).sources.append(write_pact(w, pact, source_dir(context), "c", "p"))


@S(r"a Pact file for " + STR + r":" + STR + r" is to be verified")
def message_pact_for(context, name, cell):
    message_pact(context, name, body_of(cell))


@S(r"a Pact file for " + STR + r":" + STR + r" is to be verified with provider state " + STR)
def message_pact_state(context, name, cell, state):
    message_pact(context, name, body_of(cell), states=[support.unescape(state)])


@S(r"a Pact file for " + STR + r":" + STR + r" is to be verified with the following metadata:")
def message_pact_metadata(context, name, cell):
    md = {row["key"]: metadata_cell(row["value"]) for row in table_rows(context.table)}
    message_pact(context, name, body_of(cell), metadata=md)


@S(r"a Pact file for " + STR + r":" + STR + r" is to be verified, but is marked pending")
def message_pact_pending(context, name, cell):
    message_pact(context, name, body_of(cell), pending=True)


@S(r"a Pact file for " + STR + r":" + STR + r" is to be verified with the following comments:")
def message_pact_comments(context, name, cell):
    comments = [(row["type"], row["comment"]) for row in table_rows(context.table)]
    message_pact(context, name, body_of(cell), comments=comments)


@S(r"a Pact file for " + STR + r" is to be verified with the following:")
def message_pact_with(context, name):
    # A two-column table without a heading row: behave reads its first row as
    # the headings.
    rows = [list(context.table.headings)] + [list(r.cells) for r in context.table]
    body, rules, md = None, None, None
    for field, value in rows:
        if field == "body":
            body = body_of(value)
        elif field == "matching rules":
            rules = support.load_json_cell(value)
        elif field == "metadata":
            md = {}
            for item in value.split(";"):
                k, _, v = item.strip().partition("=")
                md[k] = metadata_cell(v)
    message_pact(context, name, body, metadata=md, rules=rules)
