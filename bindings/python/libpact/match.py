"""Matchers for request and response bodies, headers, query parameters, paths and message contents.

A matcher stands in for an example value and says how the real value is compared; it is serialised to pact_ffi's
"integration JSON" (an object with ``pact:matcher:type``) when the interaction is sent to libpact::

    import libpact.match as match

    body = {"id": match.integer(42), "name": match.like("Ann"), "tags": match.each_like("admin", min=1),
            "born": match.date("yyyy-MM-dd", "1990-01-31"), "email": match.regex(r".+@.+", "a@b.c")}
    match.to_json(body)["id"]  # {"pact:matcher:type": "integer", "value": 42}

Matchers combine with ``&``: every rule must hold (integration JSON's array form of ``pact:matcher:type``)::

    match.to_json(match.integer(42) & match.min(0))
    # {"pact:matcher:type": [{"pact:matcher:type": "integer"}, {"pact:matcher:type": "min", "min": 0}], "value": 42}

Matchers nest: the value of ``like``, ``each_like``, ``each_value``... may hold other matchers.
"""

from __future__ import annotations

import json
from typing import Any

__all__ = ["Matcher", "like", "each_like", "term", "regex", "integer", "decimal", "number", "boolean", "date",
           "time", "datetime", "timestamp", "include", "null", "equal", "each_key", "each_value",
           "array_containing", "not_empty", "semver", "min", "max", "content_type", "values", "status_code",
           "provider_state", "to_json", "dumps", "Like", "EachLike", "Term", "Equals", "Includes"]

_UNSET = object()


class Matcher:
    """One or more matching rules with an example value (``value``) and an optional generator.

    ``rules`` is a list of rule objects without "value" (``{"pact:matcher:type": "integer"}``); ``generator``
    is a dict of ``pact:generator:type`` and its attributes, or None.
    """

    def __init__(self, rules: list[dict], value: Any = _UNSET, generator: dict | None = None):
        self.rules = rules
        self.value = value
        self.generator = generator

    def __and__(self, other: "Matcher") -> "Matcher":
        if not isinstance(other, Matcher):
            return NotImplemented
        value = self.value if self.value is not _UNSET else other.value
        return Matcher(self.rules + other.rules, value, self.generator or other.generator)

    def __repr__(self) -> str:
        return f"Matcher({json.dumps(self.to_json())})"

    def __eq__(self, other) -> bool:
        return isinstance(other, Matcher) and self.to_json() == other.to_json()

    __hash__ = None

    def to_json(self) -> dict:
        """The integration-JSON object of this matcher (nested matchers in the value are serialised too)."""
        if len(self.rules) == 1:
            out = {k: to_json(v) for k, v in self.rules[0].items()}
        else:
            out = {"pact:matcher:type": [{k: to_json(v) for k, v in r.items()} for r in self.rules]}
        if self.value is not _UNSET:
            out["value"] = to_json(self.value)
        if self.generator:
            out.update(self.generator)
        return out


def to_json(obj: Any) -> Any:
    """Replaces every matcher in obj (dicts, lists, tuples, nested) by its integration JSON."""
    if isinstance(obj, Matcher):
        return obj.to_json()
    if isinstance(obj, dict):
        return {str(k): to_json(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [to_json(v) for v in obj]
    return obj


def dumps(obj: Any) -> str:
    """obj as integration-JSON text, ready for libpact (``json.dumps(to_json(obj))``)."""
    return json.dumps(to_json(obj), separators=(",", ":"))


def _rule(kind: str, **attrs) -> dict:
    rule = {"pact:matcher:type": kind}
    rule.update({k: v for k, v in attrs.items() if v is not None})
    return rule


def like(value: Any, min: int | None = None, max: int | None = None) -> Matcher:  # noqa: A002
    """Matches any value of the same type as value (``type``; with min/max, an array length bound too)."""
    return Matcher([_rule("type", min=min, max=max)], value)


def each_like(template: Any, min: int = 1, max: int | None = None) -> Matcher:  # noqa: A002
    """An array of at least min (at most max) items, each like template; the example has max(min, 1) items."""
    if min is not None and min < 0:
        raise ValueError("each_like: min must be >= 0")
    if max is not None and min is not None and max < min:
        raise ValueError("each_like: max must be >= min")
    count = 1 if not min else min
    return Matcher([_rule("type", min=min, max=max)], [template] * count)


def regex(pattern: str, example: Any = _UNSET) -> Matcher:
    """A string matching the regular expression; without an example libpact generates one (and the mock server a
    fresh one each time)."""
    if example is _UNSET:
        from . import _ffi
        example = _ffi.take_result(_ffi.generate_regex_value(pattern.encode("utf-8")), "generating a value for "
                                   + pattern)
        return Matcher([_rule("regex", regex=pattern)], example, {"pact:generator:type": "Regex", "regex": pattern})
    return Matcher([_rule("regex", regex=pattern)], example)


term = regex  # pactman's Term(matcher, generate)


def _typed(kind: str, value: Any, example: Any, generator: str, **gen_attrs) -> Matcher:
    if value is _UNSET:  # an example in the pact file, a fresh random value from the mock server
        return Matcher([_rule(kind)], example, {"pact:generator:type": generator, **gen_attrs})
    return Matcher([_rule(kind)], value)


def integer(value: Any = _UNSET) -> Matcher:
    """An integer (``integer``); without a value the example is 101 and the mock server sends a random one."""
    return _typed("integer", value, 101, "RandomInt", min=0, max=1000)


def decimal(value: Any = _UNSET) -> Matcher:
    """A number with a fractional part (``decimal``); without a value the example is 12.34 and the mock server
    sends a random one."""
    return _typed("decimal", value, 12.34, "RandomDecimal", digits=4)


def number(value: Any = _UNSET) -> Matcher:
    """Any number (``number``); without a value the example is 1234 and the mock server sends a random one."""
    return _typed("number", value, 1234, "RandomInt", min=0, max=10000)


def boolean(value: Any = _UNSET) -> Matcher:
    """true or false (``boolean``); without a value the example is true and the mock server sends a random one."""
    return _typed("boolean", value, True, "RandomBoolean")


def _dt(kind: str, gen: str, fmt: str, value: Any) -> Matcher:
    rule = _rule(kind, format=fmt)
    if value is _UNSET or value is None:
        # The example is the current date/time in fmt (libpact formats it); the generator makes a fresh one.
        from . import _ffi
        example = _ffi.take_result(_ffi.generate_datetime_string(fmt.encode("utf-8")), "formatting " + fmt)
        return Matcher([rule], example, {"pact:generator:type": gen, "format": fmt})
    return Matcher([rule], value)


def date(format: str = "yyyy-MM-dd", value: Any = _UNSET) -> Matcher:  # noqa: A002
    """A date in the Java DateTimeFormatter format; without a value today's date is generated."""
    return _dt("date", "Date", format, value)


def time(format: str = "HH:mm:ss", value: Any = _UNSET) -> Matcher:  # noqa: A002
    """A time in the Java DateTimeFormatter format; without a value the current time is generated."""
    return _dt("time", "Time", format, value)


def datetime(format: str = "yyyy-MM-dd'T'HH:mm:ss", value: Any = _UNSET) -> Matcher:  # noqa: A002
    """A date and time in the Java DateTimeFormatter format; without a value the current one is generated."""
    return _dt("datetime", "DateTime", format, value)


timestamp = datetime


def include(substring: str) -> Matcher:
    """A string containing substring."""
    return Matcher([_rule("include")], substring)


def null() -> Matcher:
    """The JSON null."""
    return Matcher([_rule("null")])


def equal(value: Any) -> Matcher:
    """Exactly value (``equality``), e.g. to stop a cascading type matcher below a path."""
    return Matcher([_rule("equality")], value)


def each_key(value: dict, *rules: Matcher) -> Matcher:
    """An object whose every key matches the rules (e.g. ``match.regex(r"[a-z]+")``); value is the example."""
    return Matcher([_rule("eachKey", rules=[r.to_json() for r in rules])], value)


def each_value(value: dict, *rules: Matcher) -> Matcher:
    """An object whose every value matches the rules (e.g. ``match.like("text")``); value is the example."""
    return Matcher([_rule("eachValue", rules=[r.to_json() for r in rules])], value)


def array_containing(variants: list) -> Matcher:
    """An array holding, in any order, an item matching each variant (variants may hold matchers)."""
    return Matcher([{"pact:matcher:type": "arrayContains", "variants": list(variants)}])


def not_empty(value: Any) -> Matcher:
    """A value of the same type as value that is not empty (not "", [] or {})."""
    return Matcher([_rule("notEmpty")], value)


def semver(value: str) -> Matcher:
    """A semantic version string such as "1.2.3"."""
    return Matcher([_rule("semver")], value)


def min(n: int, value: Any = _UNSET) -> Matcher:  # noqa: A001
    """At least n items (``min``: arrays and strings); combine it: ``match.each_like(x) & match.min(2)``."""
    return Matcher([_rule("min", min=n)], value)


def max(n: int, value: Any = _UNSET) -> Matcher:  # noqa: A001
    """At most n items (``max``); combine it: ``match.like([1, 2]) & match.max(5)``."""
    return Matcher([_rule("max", max=n)], value)


def content_type(mime: str, value: Any = _UNSET) -> Matcher:
    """A body whose detected content type is mime (``contentType``)."""
    return Matcher([_rule("contentType", value=mime)], value)


def values(value: dict) -> Matcher:
    """An object whose keys are ignored and values matched as in value (``values``)."""
    return Matcher([_rule("values")], value)


def status_code(status: str, value: int) -> Matcher:
    """A response status in a class: "information", "success", "redirect", "clientError", "serverError",
    "nonError", "error"; value is the example code."""
    return Matcher([_rule("statusCode", status=status)], value)


def provider_state(expression: str, value: Any) -> Matcher:
    """A value the provider fills from its state parameters: ``provider_state("/users/${id}", "/users/1")``."""
    return Matcher([_rule("type")], value, {"pact:generator:type": "ProviderState", "expression": expression})


# pactman's class-style names.
def Like(value: Any, min: int | None = None, max: int | None = None) -> Matcher:  # noqa: N802,A002
    return like(value, min, max)


def EachLike(template: Any, minimum: int = 1, maximum: int | None = None) -> Matcher:  # noqa: N802
    return each_like(template, minimum, maximum)


def Term(matcher: str, generate: Any) -> Matcher:  # noqa: N802
    return regex(matcher, generate)


def Equals(value: Any) -> Matcher:  # noqa: N802
    return equal(value)


def Includes(value: str, generate: Any = None) -> Matcher:  # noqa: N802
    return include(value)
